using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Server.Security;
using Tagwatch.Storage;

namespace Tagwatch.Server.Api;

/// <summary>The evaluation report (<see cref="Application.Reports.SchemeSummary"/>): aggregate counts, small ones withheld.</summary>
internal static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/reports/summary", SummaryAsync).WithTags("Reports").RequireAuthorization(nameof(Permission.ViewReports)).WithName("SchemeSummary");

    private static async Task<IResult> SummaryAsync(HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        var summary = await services.SchemeSummary.BuildAsync(http.RequestAborted);
        await http.AuditAsync(actor, AuditActions.ViewRecord, "report", "summary", "aggregate scheme summary");
        return Results.Ok(summary);
    }
}
