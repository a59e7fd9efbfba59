using System.Globalization;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Conditions;

/// <summary>
/// A probation officer suspends a condition in force over a window (a court appearance near an exclusion zone): a
/// breach starting in it raises no alert. The reason is required and recorded as the audit record's purpose.
/// </summary>
public sealed class SuspendCondition(ConditionSubjects subjects, IConditionStore conditions, IAuditLog audit)
{
    /// <summary>Records the suspension.</summary>
    public async Task<UseCaseResult<ConditionSuspension>> ExecuteAsync(Actor actor, SuspendConditionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (request.To <= request.From)
        {
            return UseCaseFailure.Invalid("to", "a suspension must end after it starts");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return UseCaseFailure.Invalid("reason", "a suspension needs a reason, e.g. \"court appearance at Camberwell Green\"");
        }

        if (request.Reason.Length > StatedText.MaxReason)
        {
            return UseCaseFailure.Invalid("reason", $"{request.Reason.Length} characters; at most {StatedText.MaxReason} are kept");
        }

        string by = request.By ?? actor.Username;
        if (string.IsNullOrWhiteSpace(by) || by.Length > StatedText.MaxName)
        {
            return UseCaseFailure.Invalid("by", $"say who suspends it, in at most {StatedText.MaxName} characters");
        }

        var found = await subjects.InForceAsync(actor, request.Id, request.Reference, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        string reason = request.Reason.Trim();
        await conditions.SuspendAsync(request.Id, request.From, request.To, reason, by.Trim(), cancellationToken);
        await ConditionAudit.AppendAsync(audit, actor, AuditActions.ChangeConditions, found.Value.Offender,
            $"condition {request.Id.ToString(CultureInfo.InvariantCulture)} suspended {request.From}–{request.To}", cancellationToken, reason);
        return new ConditionSuspension(found.Value, new Interval(request.From, request.To), reason);
    }
}
