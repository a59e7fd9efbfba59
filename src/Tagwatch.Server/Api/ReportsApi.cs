using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Server.Security;
using Tagwatch.Storage;

namespace Tagwatch.Server.Api;

/// <summary>Aggregate, pseudonymised figures for evaluating the scheme: counts only, no names, references, addresses or positions.</summary>
internal static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/reports/summary", SummaryAsync).WithTags("Reports").RequireAuthorization(nameof(Permission.ViewReports)).WithName("SchemeSummary");

    /// <summary>Breakdown cells below this are reported as null, so a small pilot's figures cannot single anyone out.</summary>
    public const int SmallestCell = 3;

    private static async Task<IResult> SummaryAsync(HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        var today = services.Offenders.Today;
        var offenders = await services.Offenders.ListAsync(http.RequestAborted);
        var alerts = await services.Alerts.ListAsync(null, 100_000, http.RequestAborted);
        var matches = await services.Matches.ListMatchesAsync(http.RequestAborted);
        await http.AuditAsync(actor, AuditActions.ViewRecord, "report", "summary", "aggregate scheme summary");

        // Compliance: breaches per 100 days of monitoring, over the days each person has been monitored so far.
        long personDays = offenders.Sum(o => o.MonitoringStart > today ? 0L
            : NodaTime.Period.Between(o.MonitoringStart, NodaTime.LocalDate.Min(today, o.MonitoringEnd), NodaTime.PeriodUnits.Days).Days + 1L);
        // Counted by the category each alert kind carries, so a new kind is counted without anyone editing a list here.
        int breaches = alerts.Count(a => a.Type.IsBreach && a.State != Core.Alerts.AlertState.Withdrawn);
        return Results.Ok(new
        {
            as_of = ApiValues.Date(today),
            small_cells = $"breakdown counts under {SmallestCell} are null (suppressed)",
            caseload = new
            {
                enrolled = offenders.Count,
                monitored_person_days = personDays,
                by_status = Cells(offenders.GroupBy(o => o.StatusOn(today).ToString())),
                by_risk_tier = Cells(offenders.GroupBy(o => o.RiskTier.ToString())),
                by_home_borough = Cells(offenders.GroupBy(o => o.HomeBoroughCode)),
            },
            compliance = new
            {
                breach_alerts = breaches,
                breaches_per_100_person_days = personDays == 0 ? (double?)null : Math.Round(100.0 * breaches / personDays, 2),
                device_alerts = alerts.Count(a => a.Type.Category == Core.Alerts.AlertCategory.Device),
            },
            alerts = new
            {
                total = alerts.Count,
                by_category = Core.Alerts.AlertKind.All.Select(k => k.Category).Distinct().ToDictionary(Lower, c => Cell(alerts.Count(a => a.Type.Category == c))),
                by_type = Cells(alerts.GroupBy(a => a.Type.Name)),
                by_state = Cells(alerts.GroupBy(a => a.State.ToString())),
            },
            matches = new
            {
                total = matches.Count,
                significant = matches.Count(m => m.Significant),
                by_state = Cells(matches.GroupBy(m => m.State)),
                by_outcome = Cells(matches.Where(m => m.Outcome is not null).GroupBy(m => m.Outcome!)),
            },
        });
    }

    private static string Lower(Core.Alerts.AlertCategory category) => category.ToString().ToLowerInvariant();

    private static Dictionary<string, int?> Cells<T>(IEnumerable<IGrouping<string, T>> groups) =>
        groups.ToDictionary(g => g.Key, g => Cell(g.Count()));

    // Zero singles nobody out; one or two might.
    private static int? Cell(int n) => n == 0 || n >= SmallestCell ? n : null;
}
