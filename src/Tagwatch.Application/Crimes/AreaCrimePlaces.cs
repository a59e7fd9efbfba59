using NodaTime;

namespace Tagwatch.Application.Crimes;

/// <summary>The area crimes of a month range in the actor's scope, aggregated by map point: the places shown (busiest
/// first, at most <see cref="ListAreaCrimes.MaxPlaces"/>), the crimes they hold out of all matching
/// (<paramref name="ShownCrimes"/> of <paramref name="TotalCrimes"/>), and how many places there were in all.</summary>
public sealed record AreaCrimePlaces(
    YearMonth From, YearMonth To, IReadOnlyList<AreaCrimePlace> Places, int ShownCrimes, int TotalCrimes, int TotalPlaces)
{
    /// <summary>Whether the cap left places out.</summary>
    public bool Capped => Places.Count < TotalPlaces;
}
