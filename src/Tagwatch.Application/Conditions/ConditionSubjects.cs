using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Application.Conditions;

/// <summary>
/// Whose conditions an actor may read and change: the permission, then the person (unknown answers not found), then
/// the scope (outside the caseload answers forbidden when the person was named, not found when only a condition's ID was).
/// </summary>
public sealed class ConditionSubjects(IOffenderStore offenders, IConditionStore conditions)
{
    /// <summary>The person <paramref name="reference"/> names, if <paramref name="actor"/> has <paramref name="permission"/> over them.</summary>
    public async Task<UseCaseResult<Offender>> PersonAsync(Actor actor, string reference, Permission permission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Refusal(actor, permission) is { } refusal)
        {
            return refusal;
        }

        var person = OffenderReference.TryParse(reference, out var parsed, out _) ? await offenders.FindAsync(parsed, cancellationToken) : null;
        if (person is null)
        {
            return UseCaseFailure.NotFound($"No person has the reference '{reference}'.");
        }

        return AccessPolicy.CoversOffender(actor, person.Reference.ToString())
            ? person
            : UseCaseFailure.Forbidden($"{person.Reference} is not on your caseload.");
    }

    /// <summary>Condition <paramref name="id"/> in force, which <paramref name="actor"/> may change; when
    /// <paramref name="reference"/> is given, only if it is that person's.</summary>
    public async Task<UseCaseResult<PersonCondition>> InForceAsync(Actor actor, long id, string? reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (reference is not null)
        {
            var named = await PersonAsync(actor, reference, Permission.ChangeOffenderRecords, cancellationToken);
            return named.Succeeded ? await InForceAsync(named.Value, id, cancellationToken) : named.Failure;
        }

        if (Refusal(actor, Permission.ChangeOffenderRecords) is { } refusal)
        {
            return refusal;
        }

        // Named by its ID alone: a condition of someone outside the actor's scope is answered as unknown.
        var condition = await conditions.FindInForceAsync(id, cancellationToken);
        var person = condition is null ? null : (await offenders.ListAsync(cancellationToken)).FirstOrDefault(o => o.Id == condition.Offender);
        return condition is not null && person is not null && AccessPolicy.CoversOffender(actor, person.Reference.ToString())
            ? new PersonCondition(person.Reference, condition)
            : UseCaseFailure.NotFound($"There is no condition {id} in force.");
    }

    /// <summary>Condition <paramref name="id"/> in force, if it is <paramref name="person"/>'s (whom the caller has
    /// already found through <see cref="PersonAsync"/>).</summary>
    public async Task<UseCaseResult<PersonCondition>> InForceAsync(Offender person, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var theirs = await conditions.FindInForceAsync(id, cancellationToken);
        return theirs is not null && theirs.Offender == person.Id
            ? new PersonCondition(person.Reference, theirs)
            : UseCaseFailure.NotFound($"{person.Reference} has no condition {id} in force.");
    }

    /// <summary>Forbidden when the actor's role does not have <paramref name="permission"/>, else null.</summary>
    public static UseCaseFailure? Refusal(Actor actor, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return AccessPolicy.Allows(actor.Role, permission) ? null : UseCaseFailure.Forbidden($"The {actor.Role} role does not have {permission}.");
    }
}
