using System.Globalization;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Conditions;

namespace Tagwatch.Application.Conditions;

/// <summary>
/// A probation officer changes a zone or curfew in force on the licence of someone on their caseload — moves or
/// reshapes its area, changes its buffer, schedule or name. The condition is not rewritten: it ends now and a
/// replacement of the same kind, grace and evidence rules applies from now (one store transaction), so an alert raised
/// before still rests on the zone as it was; suspensions not yet over carry over. Checked by <see cref="ConditionCheck"/>
/// as an added one is, and audited with what changed.
/// </summary>
public sealed class ChangeCondition(ConditionSubjects subjects, IConditionStore conditions, IAuditLog audit)
{
    /// <summary>Changes the condition; the result is the replacement as stored, with its new ID.</summary>
    public async Task<UseCaseResult<PersonCondition>> ExecuteAsync(Actor actor, ChangeConditionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        string by = request.By ?? actor.Username;
        if (string.IsNullOrWhiteSpace(by) || by.Length > StatedText.MaxName)
        {
            return UseCaseFailure.Invalid("by", $"say who changes it, in at most {StatedText.MaxName} characters");
        }

        var person = await subjects.PersonAsync(actor, request.Reference, Permission.ChangeOffenderRecords, cancellationToken);
        if (!person.Succeeded)
        {
            return person.Failure;
        }

        var found = await subjects.InForceAsync(person.Value, request.Id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var old = found.Value.Condition;
        var replacement = old with
        {
            Id = 0,
            Area = request.Area,
            Schedule = request.Schedule,
            Label = string.IsNullOrWhiteSpace(request.Label) ? old.Label : request.Label.Trim(),
        };
        if (ConditionCheck.Of(replacement, request.BufferMetres, person.Value) is { } problem)
        {
            return UseCaseFailure.Invalid(problem.Field, problem.Message);
        }

        var changed = await conditions.ReplaceAsync(request.Id, replacement, request.BufferMetres, by.Trim(), cancellationToken);
        if (changed is null)
        {
            return UseCaseFailure.NotFound($"There is no condition {request.Id} in force.");
        }

        await ConditionAudit.AppendAsync(audit, actor, AuditActions.ChangeConditions, person.Value.Reference, string.Create(CultureInfo.InvariantCulture,
            $"condition {request.Id} changed into condition {changed.Id}: {changed.Kind} '{changed.Label}', {changed.Schedule}, buffer {request.BufferMetres} m, area {request.Area.Description} (was {old.Area.Description}, {old.Schedule}), from {changed.AppliesFrom}"),
            cancellationToken);
        return new PersonCondition(person.Value.Reference, changed);
    }
}
