using NodaTime;

namespace Tagwatch.Application.Crimes;

/// <summary>The published street-level crimes of the months <paramref name="From"/> to <paramref name="To"/> (both
/// included, at most <see cref="ListAreaCrimes.MaxMonths"/>), of one borough (ONS code or name), one published crime
/// type and one map box when given.</summary>
public sealed record ListAreaCrimesRequest(
    YearMonth? From, YearMonth? To, string? Borough = null, string? CrimeType = null, AreaBounds? Bounds = null);
