using System.Globalization;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Conditions;

/// <summary>A probation officer ends a condition in force on the licence of someone on their caseload; audited.</summary>
public sealed class EndCondition(ConditionSubjects subjects, IConditionStore conditions, IAuditLog audit)
{
    /// <summary>Ends the condition; not found when there is none in force with that ID (ending twice is not found the second time).</summary>
    public async Task<UseCaseResult<PersonCondition>> ExecuteAsync(Actor actor, EndConditionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        string by = request.By ?? actor.Username;
        if (string.IsNullOrWhiteSpace(by) || by.Length > StatedText.MaxName)
        {
            return UseCaseFailure.Invalid("by", $"say who ends it, in at most {StatedText.MaxName} characters");
        }

        var found = await subjects.InForceAsync(actor, request.Id, request.Reference, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        if (!await conditions.EndAsync(request.Id, by.Trim(), cancellationToken))
        {
            return UseCaseFailure.NotFound($"There is no condition {request.Id} in force.");
        }

        await ConditionAudit.AppendAsync(audit, actor, AuditActions.ChangeConditions, found.Value.Offender,
            $"condition {request.Id.ToString(CultureInfo.InvariantCulture)} ended", cancellationToken);
        return found.Value;
    }
}
