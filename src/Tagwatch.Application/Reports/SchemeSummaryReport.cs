using NodaTime;
using NodaTime.Text;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Offenders;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Application.Reports;

/// <summary>Builds the evaluation report (<see cref="SchemeSummary"/>) from the caseload, the alerts and the matches.</summary>
/// <remarks>The caller checks the permission and records the look in the audit log; this only counts.</remarks>
public sealed class SchemeSummaryReport(OffenderService offenders, IAlertCounts alerts, ICorrelationStore matches)
{
    /// <summary>The report as of today (UK).</summary>
    public async Task<SchemeSummary> BuildAsync(CancellationToken cancellationToken = default)
    {
        var today = offenders.Today;
        var people = await offenders.ListAsync(cancellationToken);
        // Counted in the store, every alert however many: loading the rows would cap the report at what fits in a page.
        var tallies = await alerts.CountByKindAndStateAsync(cancellationToken);
        var found = await matches.ListMatchesAsync(cancellationToken);

        long personDays = people.Sum(o => o.MonitoringStart > today ? 0L
            : Period.Between(o.MonitoringStart, LocalDate.Min(today, o.MonitoringEnd), PeriodUnits.Days).Days + 1L);
        int total = tallies.Sum(t => t.Count);
        // Counted by the category each alert kind carries, so a new kind is counted without anyone editing a list here.
        int breaches = tallies.Where(t => t.Kind.IsBreach && t.State != AlertState.Withdrawn).Sum(t => t.Count);
        int? shownBreaches = SmallCells.Part(breaches, total);
        var byCategory = SmallCells.Suppress(AlertKind.All.Select(k => k.Category).Distinct()
            .ToDictionary(c => c.ToString().ToLowerInvariant(), c => tallies.Where(t => t.Kind.Category == c).Sum(t => t.Count), StringComparer.Ordinal));

        return new SchemeSummary(
            LocalDatePattern.Iso.Format(today),
            $"breakdown counts from 1 to {SmallCells.SmallestCell - 1} are null (suppressed), and so are enough others that none can be worked out from a total; a breakdown that cannot be protected so is null whole",
            new SchemeSummary.CaseloadFigures(
                people.Count,
                personDays,
                Cells(people, o => o.StatusOn(today).ToString()),
                Cells(people, o => o.RiskTier.ToString()),
                Cells(people, o => o.HomeBoroughCode)),
            new SchemeSummary.ComplianceFigures(
                shownBreaches,
                shownBreaches is null || personDays == 0 ? null : Math.Round(100.0 * breaches / personDays, 2),
                byCategory?.GetValueOrDefault(AlertCategory.Device.ToString().ToLowerInvariant())),
            new SchemeSummary.AlertFigures(total, byCategory, Sums(tallies, t => t.Kind.Name), Sums(tallies, t => t.State.ToString())),
            new SchemeSummary.MatchFigures(
                found.Count,
                SmallCells.Part(found.Count(m => m.Significant), found.Count),
                Cells(found, m => m.State),
                Cells(found.Where(m => m.Outcome is not null), m => m.Outcome!)));
    }

    private static IReadOnlyDictionary<string, int?>? Sums(IEnumerable<AlertTally> tallies, Func<AlertTally, string> key) =>
        SmallCells.Suppress(tallies.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(t => t.Count), StringComparer.Ordinal));

    private static IReadOnlyDictionary<string, int?>? Cells<T>(IEnumerable<T> items, Func<T, string> key) =>
        SmallCells.Suppress(items.GroupBy(key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
}
