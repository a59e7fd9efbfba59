using NodaTime;
using Tagwatch.Core.Crimes;

namespace Tagwatch.Application.Crimes;

/// <summary>How many current crimes began in each month (UK time) of the period, by category: every month of the period
/// in order, and a count for each month and category that has any.</summary>
public sealed record CrimeMonthCounts(Instant From, Instant To, IReadOnlyList<YearMonth> Months, IReadOnlyList<CrimeMonthCount> Counts);

/// <summary>The crimes of one category that began in one month.</summary>
public sealed record CrimeMonthCount(YearMonth Month, CrimeCategory Category, int Count);
