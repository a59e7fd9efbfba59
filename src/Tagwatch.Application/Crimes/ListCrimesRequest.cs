using NodaTime;
using Tagwatch.Core.Crimes;

namespace Tagwatch.Application.Crimes;

/// <summary>The current crimes whose committed window overlaps [<paramref name="From"/>, <paramref name="To"/>] (at most
/// <see cref="ListCrimes.MaxRange"/>; both null: the latest <see cref="ListCrimes.DefaultRange"/> of crimes held), of one
/// borough and category when given, in the order asked, one page of <paramref name="PageSize"/> from <paramref name="Page"/>
/// (1 is the first; no page size: every crime).</summary>
public sealed record ListCrimesRequest(
    Instant? From, Instant? To, string? Borough = null, CrimeCategory? Category = null,
    CrimeSort Sort = CrimeSort.CommittedFrom, bool Descending = false, int Page = 1, int? PageSize = null);
