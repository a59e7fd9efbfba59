using NodaTime;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Crimes;

namespace Tagwatch.Application.Crimes;

/// <summary>What the crime listings share: the period asked (or the latest one holding crimes), and the crimes of it the
/// actor's scope covers, of one borough and category when asked.</summary>
internal static class CrimePeriod
{
    /// <summary>The period [from, to]: both given (from before to, at most <paramref name="maxRange"/>), or neither: the
    /// <paramref name="defaultRange"/> ending when the latest crime held ends (or now, when none is held).</summary>
    public static async Task<UseCaseResult<Interval>> ResolveAsync(
        ICrimeStore crimes, TimeProvider clock, Instant? from, Instant? to, Duration maxRange, Duration defaultRange, CancellationToken cancellationToken)
    {
        if (from is null && to is null)
        {
            var span = await crimes.CurrentSpanAsync(cancellationToken);
            var end = span?.HasEnd == true ? span.Value.End : Instant.FromDateTimeOffset(clock.GetUtcNow());
            return new Interval(end - defaultRange, end);
        }

        if (from is null || to is null || to <= from)
        {
            return UseCaseFailure.Invalid(from is null ? "from" : "to", "from and to are ISO-8601 UTC instants, from before to");
        }

        if (to.Value - from.Value > maxRange)
        {
            return UseCaseFailure.Invalid("to", $"at most {maxRange.Days} days at a time");
        }

        return new Interval(from.Value, to.Value);
    }

    /// <summary>The current crimes of <paramref name="period"/> in the actor's scope — police their boroughs, the hub all,
    /// anyone else none — of <paramref name="borough"/> and <paramref name="category"/> when given.</summary>
    public static CrimeFilter Filter(Actor actor, Interval period, string? borough, CrimeCategory? category)
    {
        IReadOnlyCollection<string>? boroughs = actor.Role switch
        {
            Role.MatchReviewer => null,
            Role.Police => [.. actor.Boroughs],
            _ => [],
        };
        return new CrimeFilter(period.Start, period.End, boroughs, borough?.Trim().ToUpperInvariant(), category);
    }
}
