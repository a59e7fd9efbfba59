using NodaTime.Text;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Application.Offenders;

/// <summary>Sets a person's risk tier from a day, with a reason, keeping the history (<see cref="OffenderService.ChangeRiskTierAsync"/>); audited.</summary>
public sealed class ChangeRiskTier(OffenderAccess access, OffenderService offenders, IAuditLog audit)
{
    public async Task<UseCaseResult<RiskTierChanged>> ExecuteAsync(Actor actor, ChangeRiskTierRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (OffenderAccess.Lacks(actor, Permission.ChangeOffenderRecords) is { } lacks)
        {
            return lacks;
        }

        if (!Enum.IsDefined(request.Tier))
        {
            return UseCaseFailure.Invalid("tier", $"'{request.Tier}' is not one of {string.Join(", ", Enum.GetNames<RiskTier>())}");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return UseCaseFailure.Invalid("reason", "required: why the risk tier changes");
        }

        var found = await access.FindAsync(actor, request.Reference, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var offender = found.Value;
        var change = await offenders.ChangeRiskTierAsync(offender.Reference, request.Tier, request.Reason, request.EffectiveFrom, cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeRecord, "offender", offender.Reference.ToString(),
            $"risk tier {change.Tier} from {LocalDatePattern.Iso.Format(change.EffectiveFrom)}: {change.Reason}"), cancellationToken);
        return new RiskTierChanged(offender, change);
    }
}
