using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using NodaTime.Text;
using Tagwatch.Application.Reports;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>The evaluation report (<see cref="SchemeSummary"/>): aggregate counts, small ones withheld.</summary>
internal static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/reports/summary", SummaryAsync).WithTags("Reports").RequireAuthorization(nameof(Permission.ViewReports)).WithName("SchemeSummary");

    /// <param name="from">The first day of the period (yyyy-MM-dd); none: since the scheme began.</param>
    /// <param name="to">The last day (yyyy-MM-dd), included; none: today.</param>
    private static async Task<Results<Ok<SchemeSummary>, ProblemHttpResult>> SummaryAsync(HttpContext http, ReadSchemeSummary useCase, string? from = null, string? to = null)
    {
        var actor = await http.RequiredActorAsync();
        var first = Day(from);
        var last = Day(to);
        if (!first.Success || !last.Success)
        {
            return UseCaseAnswers.Problem(UseCaseFailure.Invalid(first.Success ? "to" : "from", "A day is written yyyy-MM-dd"));
        }

        var result = await useCase.ExecuteAsync(actor, new SchemeSummaryRequest(first.Value, last.Value), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(result.Value) : UseCaseAnswers.Problem(result.Failure);
    }

    private static (bool Success, LocalDate? Value) Day(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (true, null);
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? (true, parsed.Value) : (false, null);
    }
}
