using NodaTime;

namespace Tagwatch.Application.Crimes;

/// <summary>The current crimes whose committed window overlaps [<paramref name="From"/>, <paramref name="To"/>] (at most <see cref="ListCrimes.MaxRange"/>).</summary>
public sealed record ListCrimesRequest(Instant From, Instant To);
