using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.Admin;

/// <summary>
/// Four eyes on scope grants: the account changes waiting for a second administrator, approved or rejected with a
/// reason. The use case refuses an administrator approving their own request; the page says so against the request.
/// </summary>
[Authorize(Policy = nameof(Permission.ManageUsers))]
internal sealed class ApprovalsModel(ListApprovals list, ApproveChange approve, RejectChange reject) : WebPageModel
{
    public IReadOnlyList<PendingAccountChange> Pending { get; private set; } = [];

    /// <summary>What an approval just did, with the one-time password of a new account or reset, shown this once.</summary>
    public ApprovedChange? Approved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await list.ExecuteAsync(await ActorAsync(), new ListApprovalsRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            return Refused(result.Failure);
        }

        Pending = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken)
    {
        var result = await approve.ExecuteAsync(await ActorAsync(), new ApproveChangeRequest(id), cancellationToken);
        if (!result.Succeeded)
        {
            return await FailedAsync(result.Failure, cancellationToken);
        }

        Approved = result.Value;
        return await OnGetAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, string? reason, CancellationToken cancellationToken)
    {
        var result = await reject.ExecuteAsync(await ActorAsync(), new RejectChangeRequest(id, reason), cancellationToken);
        if (!result.Succeeded)
        {
            return await FailedAsync(result.Failure with { Field = result.Failure.Field is null ? null : $"{result.Failure.Field}-{id}" }, cancellationToken);
        }

        TempData["Notice"] = $"Request {id} is rejected; nothing was changed.";
        return RedirectToPage();
    }

    private async Task<IActionResult> FailedAsync(UseCaseFailure failure, CancellationToken cancellationToken)
    {
        var pending = await list.ExecuteAsync(await ActorAsync(), new ListApprovalsRequest(), cancellationToken);
        Pending = pending.Succeeded ? pending.Value : [];
        return Failed(failure, Page);
    }
}
