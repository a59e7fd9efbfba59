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

    private static async Task<IResult> SummaryAsync(HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        var today = services.Offenders.Today;
        var offenders = await services.Offenders.ListAsync(http.RequestAborted);
        var alerts = await services.Alerts.ListAsync(null, 100_000, http.RequestAborted);
        var matches = await services.Matches.ListMatchesAsync(http.RequestAborted);
        await http.AuditAsync(actor, AuditActions.ViewRecord, "report", "summary", "aggregate scheme summary");
        return Results.Ok(new
        {
            as_of = today.ToString(),
            caseload = new
            {
                enrolled = offenders.Count,
                by_status = offenders.GroupBy(o => o.StatusOn(today).ToString()).ToDictionary(g => g.Key, g => g.Count()),
                by_risk_tier = offenders.GroupBy(o => o.RiskTier.ToString()).ToDictionary(g => g.Key, g => g.Count()),
                by_home_borough = offenders.GroupBy(o => o.HomeBoroughCode).ToDictionary(g => g.Key, g => g.Count()),
            },
            alerts = new
            {
                total = alerts.Count,
                by_type = alerts.GroupBy(a => a.Type).ToDictionary(g => g.Key, g => g.Count()),
                by_state = alerts.GroupBy(a => a.State.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            },
            matches = new
            {
                total = matches.Count,
                significant = matches.Count(m => m.Significant),
                by_state = matches.GroupBy(m => m.State).ToDictionary(g => g.Key, g => g.Count()),
                by_outcome = matches.Where(m => m.Outcome is not null).GroupBy(m => m.Outcome!).ToDictionary(g => g.Key, g => g.Count()),
            },
        });
    }
}
