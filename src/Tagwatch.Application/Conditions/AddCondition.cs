using System.Globalization;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Conditions;

namespace Tagwatch.Application.Conditions;

/// <summary>
/// A probation officer adds an exclusion zone, inclusion zone or curfew to the licence of someone on their caseload:
/// checked by <see cref="ConditionCheck"/>, stored, and audited with what was set.
/// </summary>
public sealed class AddCondition(ConditionSubjects subjects, IConditionStore conditions, IAuditLog audit)
{
    /// <summary>The grace period of a curfew when none is given.</summary>
    public static readonly Duration DefaultCurfewGrace = Duration.FromMinutes(10);

    /// <summary>Adds the condition <paramref name="request"/> describes; the result is the condition as stored, with its ID.</summary>
    public async Task<UseCaseResult<PersonCondition>> ExecuteAsync(Actor actor, AddConditionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.Kind))
        {
            return UseCaseFailure.Invalid("kind", $"'{request.Kind}' is not exclusion, inclusion or curfew");
        }

        string by = request.By ?? actor.Username;
        if (string.IsNullOrWhiteSpace(by) || by.Length > StatedText.MaxName)
        {
            return UseCaseFailure.Invalid("by", $"say who sets it, in at most {StatedText.MaxName} characters");
        }

        var found = await subjects.PersonAsync(actor, request.Reference, Permission.ChangeOffenderRecords, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var person = found.Value;
        string label = string.IsNullOrWhiteSpace(request.Label) ? request.Kind.ToString().ToLowerInvariant() : request.Label.Trim();
        var grace = request.Grace ?? (request.Kind == ConditionKind.Curfew ? DefaultCurfewGrace : Duration.Zero);
        var condition = new LicenceCondition(0, person.Id, request.Kind, request.Area, request.Schedule, grace, request.Rules, label)
        {
            AppliesFrom = request.From ?? Instant.MinValue,
        };
        if (ConditionCheck.Of(condition, request.BufferMetres, person) is { } problem)
        {
            return UseCaseFailure.Invalid(problem.Field, problem.Message);
        }

        var added = await conditions.AddAsync(condition, request.BufferMetres, by.Trim(), cancellationToken);
        await ConditionAudit.AppendAsync(audit, actor, AuditActions.ChangeConditions, person.Reference, string.Create(CultureInfo.InvariantCulture,
            $"condition {added.Id} added: {added.Kind} '{added.Label}', {added.Schedule}, grace {added.Grace.TotalMinutes} min, buffer {request.BufferMetres} m, from {added.AppliesFrom}"),
            cancellationToken);
        return new PersonCondition(person.Reference, added);
    }
}
