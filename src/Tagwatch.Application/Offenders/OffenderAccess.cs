using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Application.Offenders;

/// <summary>
/// The one way the people use cases reach a person's record: the role must hold the permission, the reference must
/// name someone, and the person must be within the actor's scope (<see cref="AccessPolicy.CoversOffender"/>).
/// </summary>
public sealed class OffenderAccess(IOffenderStore store)
{
    /// <summary>The refusal when <paramref name="actor"/>'s role lacks <paramref name="permission"/>, else null.</summary>
    public static UseCaseFailure? Lacks(Actor actor, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return AccessPolicy.Allows(actor.Role, permission) ? null : UseCaseFailure.Forbidden($"The {actor.Role} role does not have {permission}.");
    }

    /// <summary>The person <paramref name="reference"/> names, if the actor's scope covers them: NotFound for no one,
    /// Forbidden for someone outside the caseload.</summary>
    public async Task<UseCaseResult<Offender>> FindAsync(Actor actor, string? reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var offender = OffenderReference.TryParse(reference, out var parsed, out _) ? await store.FindAsync(parsed, cancellationToken) : null;
        if (offender is null)
        {
            return UseCaseFailure.NotFound($"No person has the reference '{reference}'.");
        }

        return AccessPolicy.CoversOffender(actor, offender.Reference.ToString())
            ? offender
            : UseCaseFailure.Forbidden($"{offender.Reference} is not on your caseload.");
    }
}
