using NodaTime;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Crimes;

/// <summary>The current crimes of a time range that the actor's scope covers: police those of their boroughs, the hub all.</summary>
/// <remarks>Crimes are police records, not data about monitored people, so a listing is not audited.</remarks>
public sealed class ListCrimes(ICrimeStore crimes)
{
    /// <summary>The longest range one listing covers.</summary>
    public static readonly Duration MaxRange = Duration.FromDays(92);

    public async Task<UseCaseResult<CrimeList>> ExecuteAsync(Actor actor, ListCrimesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ManageCrimes))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ManageCrimes)}.");
        }

        if (request.To <= request.From)
        {
            return UseCaseFailure.Invalid("to", "from and to are ISO-8601 UTC instants, from before to");
        }

        if (request.To - request.From > MaxRange)
        {
            return UseCaseFailure.Invalid("to", $"at most {MaxRange.Days} days at a time");
        }

        var current = await crimes.CurrentAsync(request.From, request.To, cancellationToken);
        return new CrimeList(current.Where(c => AccessPolicy.CoversBorough(actor, c.BoroughCode)).ToList());
    }
}
