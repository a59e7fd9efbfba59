using NodaTime;
using Tagwatch.Core.Crimes;

namespace Tagwatch.Application.Crimes;

/// <summary>The period to count (at most <see cref="CountCrimesByMonth.MaxRange"/>; both null: the latest
/// <see cref="CountCrimesByMonth.DefaultRange"/> of crimes held), of one borough and category when given.</summary>
public sealed record CountCrimesByMonthRequest(Instant? From, Instant? To, string? Borough = null, CrimeCategory? Category = null);
