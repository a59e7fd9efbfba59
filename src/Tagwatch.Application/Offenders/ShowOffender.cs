using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Offenders;

/// <summary>One person's whole record — identity, licence, risk history — for someone whose scope covers them; audited.</summary>
public sealed class ShowOffender(OffenderAccess access, OffenderService offenders, IOffenderStore store, IAuditLog audit)
{
    public async Task<UseCaseResult<OffenderRecord>> ExecuteAsync(Actor actor, OffenderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (OffenderAccess.Lacks(actor, Permission.ViewOffenderRecords) is { } lacks)
        {
            return lacks;
        }

        var found = await access.FindAsync(actor, request.Reference, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var offender = found.Value;
        var person = await store.PersonalDetailsAsync(offender.Id, cancellationToken);
        var history = await store.RiskHistoryAsync(offender.Id, cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ViewRecord, "offender", offender.Reference.ToString(),
            "record: identity, licence, risk history"), cancellationToken);
        return new OffenderRecord(offender, offender.StatusOn(offenders.Today), person, history);
    }
}
