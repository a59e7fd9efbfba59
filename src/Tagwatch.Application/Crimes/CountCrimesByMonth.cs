using NodaTime;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Crimes;

/// <summary>The monthly trend of the crimes <see cref="ListCrimes"/> would list: per month (of the UK date the committed
/// window starts) and category, over a longer period than one listing.</summary>
/// <remarks>The same access as the listing: police count the crimes of their boroughs, the hub all; not audited.</remarks>
public sealed class CountCrimesByMonth(ICrimeStore crimes, TimeProvider clock)
{
    /// <summary>The longest period counted at once.</summary>
    public static readonly Duration MaxRange = Duration.FromDays(366);

    /// <summary>The period counted when none is asked: the latest year of crimes held.</summary>
    public static readonly Duration DefaultRange = Duration.FromDays(365);

    private static readonly DateTimeZone UkTime = DateTimeZoneProviders.Tzdb["Europe/London"];

    public async Task<UseCaseResult<CrimeMonthCounts>> ExecuteAsync(Actor actor, CountCrimesByMonthRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ManageCrimes))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ManageCrimes)}.");
        }

        var period = await CrimePeriod.ResolveAsync(crimes, clock, request.From, request.To, MaxRange, DefaultRange, cancellationToken);
        if (!period.Succeeded)
        {
            return period.Failure;
        }

        var counted = await crimes.CurrentStartsAsync(CrimePeriod.Filter(actor, period.Value, request.Borough, request.Category), cancellationToken);
        var counts = counted
            .GroupBy(c => (Month: MonthOf(c.CommittedFrom), c.Category))
            .Select(g => new CrimeMonthCount(g.Key.Month, g.Key.Category, g.Count()))
            .OrderBy(c => c.Month)
            .ThenBy(c => c.Category)
            .ToList();

        var months = new List<YearMonth>();
        var first = counts.Count > 0 && counts[0].Month < MonthOf(period.Value.Start) ? counts[0].Month : MonthOf(period.Value.Start);
        // The period's end is the first moment after it (a period to 31 July ends at 1 August, 00:00): not a month of it.
        var last = MonthOf(period.Value.End - Duration.Epsilon);
        for (var month = first; month <= last; month = month.PlusMonths(1))
        {
            months.Add(month);
        }

        return new CrimeMonthCounts(period.Value.Start, period.Value.End, months, counts);
    }

    private static YearMonth MonthOf(Instant instant)
    {
        var date = instant.InZone(UkTime).Date;
        return new YearMonth(date.Year, date.Month);
    }
}
