using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Application.Offenders;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.People;

/// <summary>The people the officer's scope covers (a probation officer's caseload), each linking to their page.</summary>
[Authorize(Policy = nameof(Permission.ViewOffenderRecords))]
[Tags("Offenders")]
internal sealed class IndexModel(ListOffenders list) : WebPageModel
{
    public IReadOnlyList<OffenderEntry> People { get; private set; } = [];

    /// <summary>Whether the actor may enrol someone (the enrolment page's own rule).</summary>
    public bool CanEnrol { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync();
        CanEnrol = AccessPolicy.Allows(actor.Role, Permission.ChangeOffenderRecords);
        var result = await list.ExecuteAsync(actor, new ListOffendersRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            return Refused(result.Failure);
        }

        People = [.. result.Value.OrderBy(p => p.Offender.Reference.ToString(), StringComparer.Ordinal)];
        return Page();
    }
}
