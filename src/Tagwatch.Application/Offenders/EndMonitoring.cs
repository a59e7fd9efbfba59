using NodaTime.Text;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Application.Offenders;

/// <summary>Ends a person's monitoring with a reason (<see cref="OffenderService.EndAsync"/>: their tag stops being theirs then); audited.</summary>
public sealed class EndMonitoring(OffenderAccess access, OffenderService offenders, IAuditLog audit)
{
    public async Task<UseCaseResult<Offender>> ExecuteAsync(Actor actor, EndMonitoringRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (OffenderAccess.Lacks(actor, Permission.ChangeOffenderRecords) is { } lacks)
        {
            return lacks;
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return UseCaseFailure.Invalid("reason", "required: why monitoring ends (licence expired, recalled, order varied…)");
        }

        var found = await access.FindAsync(actor, request.Reference, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        if (found.Value is { Status: OffenderStatus.Ended } ended)
        {
            return UseCaseFailure.Conflict($"Monitoring of {ended.Reference} already ended ({ended.EndReason}).");
        }

        var result = await offenders.EndAsync(found.Value.Reference, request.Reason, request.LastDay, cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeRecord, "offender", result.Reference.ToString(),
            $"monitoring ended on {LocalDatePattern.Iso.Format(result.MonitoringEnd)}: {result.EndReason}"), cancellationToken);
        return result;
    }
}
