using NodaTime;
using NodaTime.Text;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.Offenders;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Matches;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Application.Reports;

/// <summary>Builds the evaluation report (<see cref="SchemeSummary"/>) from the caseload, the alerts and the matches.</summary>
/// <remarks>The caller checks the permission and records the look in the audit log; this only counts.</remarks>
public sealed class SchemeSummaryReport(OffenderService offenders, IAlertCounts alerts, ICorrelationStore matches, ICrimeStore crimes)
{
    private static readonly DateTimeZone UkTime = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>The report as of today (UK), over every day so far.</summary>
    public Task<SchemeSummary> BuildAsync(CancellationToken cancellationToken = default) => BuildAsync(null, null, cancellationToken);

    /// <summary>
    /// The report as of today (UK) over the days <paramref name="from"/> to <paramref name="to"/>, both included (no
    /// first day: since the scheme began; no last day: today): alerts raised and matches found in them, days monitored in them.
    /// </summary>
    public async Task<SchemeSummary> BuildAsync(LocalDate? from, LocalDate? to, CancellationToken cancellationToken = default)
    {
        var today = offenders.Today;
        var last = to ?? today;
        var people = await offenders.ListAsync(cancellationToken);
        Instant? start = from is { } f ? UkTime.AtStartOfDay(f).ToInstant() : null;
        var end = UkTime.AtStartOfDay(last.PlusDays(1)).ToInstant();
        // Counted in the store, every alert however many: loading the rows would cap the report at what fits in a page.
        var tallies = await alerts.CountByKindAndStateAsync(start, end, cancellationToken);
        var responses = await alerts.ResponsesAsync(start, end, cancellationToken);
        string firstMonth = from is { } m ? Month(m) : "";
        var areaCrime = (await crimes.AreaCrimeCountsAsync(cancellationToken))
            .Where(a => string.CompareOrdinal(a.Month, firstMonth) >= 0 && string.CompareOrdinal(a.Month, Month(last)) <= 0)
            .GroupBy(a => a.Month)
            .Select(g => new SchemeSummary.AreaCrimeMonth(g.Key, g.ToDictionary(a => a.CrimeType, a => a.Count, StringComparer.Ordinal)))
            .OrderBy(a => a.Month, StringComparer.Ordinal)
            .ToList();
        var found = (await matches.ListMatchesAsync(cancellationToken))
            .Where(m => (start is null || m.ClosestTimeUnixMs >= start.Value.ToUnixTimeMilliseconds()) && m.ClosestTimeUnixMs < end.ToUnixTimeMilliseconds())
            .ToList();

        // Days monitored so far (never after today), within the period.
        var monitoredLast = LocalDate.Min(today, last);
        long personDays = people.Sum(o => DaysBetween(from is { } first ? LocalDate.Max(first, o.MonitoringStart) : o.MonitoringStart, LocalDate.Min(monitoredLast, o.MonitoringEnd)));
        int total = tallies.Sum(t => t.Count);
        // Counted by the category each alert kind carries, so a new kind is counted without anyone editing a list here.
        int breaches = tallies.Where(t => t.Kind.IsBreach && t.State != AlertState.Withdrawn).Sum(t => t.Count);
        int curfew = tallies.Where(t => t.Kind.Category == AlertCategory.Curfew && t.State != AlertState.Withdrawn).Sum(t => t.Count);
        int zone = tallies.Where(t => t.Kind.Category == AlertCategory.Zone && t.State != AlertState.Withdrawn).Sum(t => t.Count);
        int? shownBreaches = SmallCells.Part(breaches, total);
        // Both or neither: with the breaches' total shown, one of the two would give the other away.
        bool splitShown = SmallCells.Part(curfew, total) is not null && SmallCells.Part(zone, total) is not null;
        int? shownCurfew = splitShown ? curfew : null;
        int? shownZone = splitShown ? zone : null;
        var byCategory = SmallCells.Suppress(AlertKind.All.Select(k => k.Category).Distinct()
            .ToDictionary(c => c.ToString().ToLowerInvariant(), c => tallies.Where(t => t.Kind.Category == c).Sum(t => t.Count), StringComparer.Ordinal));
        var byState = Cells(found, m => m.State);
        // The path's steps are read from the states' breakdown, so a state withheld there is never given away here.
        int? InState(MatchState state) => byState is null ? null : byState.TryGetValue(MatchWorkflow.Name(state), out var n) ? n : 0;
        int? disclosed = InState(MatchState.Disclosed);

        return new SchemeSummary(
            LocalDatePattern.Iso.Format(today),
            $"breakdown counts from 1 to {SmallCells.SmallestCell - 1} are null (suppressed), and so are enough others that none can be worked out from a total; a breakdown that cannot be protected so is null whole",
            new SchemeSummary.CaseloadFigures(
                people.Count,
                personDays,
                Cells(people, o => o.StatusOn(today).ToString()),
                Cells(people, o => o.RiskTier.ToString()),
                Cells(people, o => o.HomeBoroughCode),
                ByMonth(people, from, monitoredLast)),
            new SchemeSummary.ComplianceFigures(
                shownBreaches,
                Rate(shownBreaches, breaches, personDays),
                byCategory?.GetValueOrDefault(AlertCategory.Device.ToString().ToLowerInvariant()),
                shownCurfew,
                Rate(shownCurfew, curfew, personDays),
                shownZone,
                Rate(shownZone, zone, personDays)),
            new SchemeSummary.AlertFigures(total, byCategory, Sums(tallies, t => t.Kind.Name), Sums(tallies, t => t.State.ToString()), ResponseTimes(responses)),
            new SchemeSummary.MatchFigures(
                found.Count,
                SmallCells.Part(found.Count(m => m.Significant), found.Count),
                byState,
                Cells(found.Where(m => m.Outcome is not null), m => m.Outcome!),
                InState(MatchState.Qualified) + disclosed,
                disclosed,
                SmallCells.Part(found.Count(m => m.Outcome is not null), found.Count)),
            new SchemeSummary.PeriodCovered(from is { } d ? LocalDatePattern.Iso.Format(d) : null, LocalDatePattern.Iso.Format(last)),
            areaCrime);
    }

    private static string Month(LocalDate day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Per alert type, how many were acknowledged and resolved (withheld as any breakdown) and the median waits (withheld with their count).</summary>
    private static List<SchemeSummary.AlertResponseTimes> ResponseTimes(IReadOnlyList<AlertResponse> responses)
    {
        var byType = responses.GroupBy(r => r.Kind.Name).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var acknowledged = SmallCells.Suppress(byType.ToDictionary(t => t.Key, t => t.Value.Count(r => r.ToAcknowledge is not null), StringComparer.Ordinal));
        var resolved = SmallCells.Suppress(byType.ToDictionary(t => t.Key, t => t.Value.Count(r => r.ToResolve is not null), StringComparer.Ordinal));
        return [.. byType.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
        {
            int? acks = acknowledged?.GetValueOrDefault(t.Key);
            int? resolves = resolved?.GetValueOrDefault(t.Key);
            return new SchemeSummary.AlertResponseTimes(
                AlertKind.Parse(t.Key),
                acks,
                acks is > 0 ? Median(t.Value.Select(r => r.ToAcknowledge)) : null,
                resolves,
                resolves is > 0 ? Median(t.Value.Select(r => r.ToResolve)) : null);
        })];
    }

    private static double Median(IEnumerable<Duration?> waits)
    {
        var minutes = waits.OfType<Duration>().Select(w => w.TotalMinutes).Order().ToList();
        double middle = minutes.Count % 2 == 1 ? minutes[minutes.Count / 2] : (minutes[(minutes.Count / 2) - 1] + minutes[minutes.Count / 2]) / 2;
        return Math.Round(middle, 1);
    }

    /// <summary>Per 100 days monitored, only when the count itself may be shown.</summary>
    private static double? Rate(int? shown, int count, long personDays) =>
        shown is null || personDays == 0 ? null : Math.Round(100.0 * count / personDays, 2);

    private static long DaysBetween(LocalDate first, LocalDate last) =>
        first > last ? 0L : Period.Between(first, last, PeriodUnits.Days).Days + 1L;

    /// <summary>
    /// For each month of the period in which anyone was monitored (from the first such month to the last, up to today),
    /// who was monitored in it, by home borough.
    /// </summary>
    private static List<SchemeSummary.MonthCaseload> ByMonth(IReadOnlyList<Offender> people, LocalDate? from, LocalDate last)
    {
        var months = new List<SchemeSummary.MonthCaseload>();
        if (people.Count == 0)
        {
            return months;
        }

        var first = LocalDate.Max(from ?? LocalDate.MinIsoValue, people.Min(o => o.MonitoringStart));
        last = LocalDate.Min(last, people.Max(o => o.MonitoringEnd));
        for (var month = new LocalDate(first.Year, first.Month, 1); month <= last; month = month.PlusMonths(1))
        {
            var monthFirst = LocalDate.Max(month, first);
            var monthLast = LocalDate.Min(month.PlusMonths(1).PlusDays(-1), last);
            var monitored = people.Where(o => o.MonitoringStart <= monthLast && o.MonitoringEnd >= monthFirst);
            months.Add(new SchemeSummary.MonthCaseload(month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), Cells(monitored, o => o.HomeBoroughCode)));
        }

        return months;
    }

    private static IReadOnlyDictionary<string, int?>? Sums(IEnumerable<AlertTally> tallies, Func<AlertTally, string> key) =>
        SmallCells.Suppress(tallies.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(t => t.Count), StringComparer.Ordinal));

    private static IReadOnlyDictionary<string, int?>? Cells<T>(IEnumerable<T> items, Func<T, string> key) =>
        SmallCells.Suppress(items.GroupBy(key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
}
