using NodaTime;
using NodaTime.Text;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Offenders;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Application.Reports;

/// <summary>Builds the evaluation report (<see cref="SchemeSummary"/>) from the caseload, the alerts and the matches.</summary>
/// <remarks>The caller checks the permission and records the look in the audit log; this only counts.</remarks>
public sealed class SchemeSummaryReport(OffenderService offenders, IAlertStore alerts, ICorrelationStore matches)
{
    /// <summary>The report as of today (UK).</summary>
    public async Task<SchemeSummary> BuildAsync(CancellationToken cancellationToken = default)
    {
        var today = offenders.Today;
        var people = await offenders.ListAsync(cancellationToken);
        var raised = await alerts.ListAsync(null, 100_000, cancellationToken);
        var found = await matches.ListMatchesAsync(cancellationToken);

        long personDays = people.Sum(o => o.MonitoringStart > today ? 0L
            : Period.Between(o.MonitoringStart, LocalDate.Min(today, o.MonitoringEnd), PeriodUnits.Days).Days + 1L);
        // Counted by the category each alert kind carries, so a new kind is counted without anyone editing a list here.
        int breaches = raised.Count(a => a.Type.IsBreach && a.State != AlertState.Withdrawn);
        int? shownBreaches = SmallCells.Part(breaches, raised.Count);
        var byCategory = SmallCells.Suppress(AlertKind.All.Select(k => k.Category).Distinct()
            .ToDictionary(c => c.ToString().ToLowerInvariant(), c => raised.Count(a => a.Type.Category == c), StringComparer.Ordinal));

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
            new SchemeSummary.AlertFigures(raised.Count, byCategory, Cells(raised, a => a.Type.Name), Cells(raised, a => a.State.ToString())),
            new SchemeSummary.MatchFigures(
                found.Count,
                SmallCells.Part(found.Count(m => m.Significant), found.Count),
                Cells(found, m => m.State),
                Cells(found.Where(m => m.Outcome is not null), m => m.Outcome!)));
    }

    private static IReadOnlyDictionary<string, int?>? Cells<T>(IEnumerable<T> items, Func<T, string> key) =>
        SmallCells.Suppress(items.GroupBy(key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
}
