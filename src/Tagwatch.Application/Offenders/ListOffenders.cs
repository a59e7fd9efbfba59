using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Offenders;

/// <summary>The people the actor's scope covers (a probation officer's caseload), by reference, pseudonymously; audited with the references listed.</summary>
public sealed class ListOffenders(OffenderService offenders, IAuditLog audit)
{
    public async Task<UseCaseResult<IReadOnlyList<OffenderEntry>>> ExecuteAsync(Actor actor, ListOffendersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (OffenderAccess.Lacks(actor, Permission.ViewOffenderRecords) is { } lacks)
        {
            return lacks;
        }

        var today = offenders.Today;
        var covered = (await offenders.ListAsync(cancellationToken))
            .Where(o => AccessPolicy.CoversOffender(actor, o.Reference.ToString()))
            .Select(o => new OffenderEntry(o, o.StatusOn(today)))
            .ToList();
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ViewRecord, "offender", null,
            $"caseload list: {string.Join(",", covered.Select(e => e.Offender.Reference))}"), cancellationToken);
        return covered;
    }
}
