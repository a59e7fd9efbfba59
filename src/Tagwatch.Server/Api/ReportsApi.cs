using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Reports;
using Tagwatch.Core.Access;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>The evaluation report (<see cref="SchemeSummary"/>): aggregate counts, small ones withheld.</summary>
internal static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/reports/summary", SummaryAsync).WithTags("Reports").RequireAuthorization(nameof(Permission.ViewReports)).WithName("SchemeSummary");

    private static async Task<Results<Ok<SchemeSummary>, ProblemHttpResult>> SummaryAsync(HttpContext http, ReadSchemeSummary useCase)
    {
        var actor = await http.RequiredActorAsync();
        var result = await useCase.ExecuteAsync(actor, new SchemeSummaryRequest(), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(result.Value) : UseCaseAnswers.Problem(result.Failure);
    }
}
