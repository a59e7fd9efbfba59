using NodaTime;
using NodaTime.Text;
using Tagwatch.Application.Crimes;
using Tagwatch.Core.Crimes;

namespace Tagwatch.Server.Api.Crimes;

/// <summary>Crimes per month (UK time, <c>2019-02</c>) and category over a period: every month of it, and the non-zero counts.</summary>
public sealed record CrimeMonthCountsResponse(Instant From, Instant To, IReadOnlyList<string> Months, IReadOnlyList<CrimeMonthCountResponse> Counts)
{
    internal static CrimeMonthCountsResponse Of(CrimeMonthCounts counts) => new(
        counts.From, counts.To, counts.Months.Select(Month).ToList(),
        counts.Counts.Select(c => new CrimeMonthCountResponse(Month(c.Month), c.Category, c.Count)).ToList());

    internal static string Month(YearMonth month) => YearMonthPattern.Iso.Format(month);
}

/// <summary>How many crimes of a category began in a month.</summary>
public sealed record CrimeMonthCountResponse(string Month, CrimeCategory Category, int Count);
