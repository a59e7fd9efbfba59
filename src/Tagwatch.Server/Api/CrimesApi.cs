using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Crimes;
using Tagwatch.Server.Api.Crimes;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>Crime files in (MoJ batch, police.uk, Tagwatch CSV) with the row-level report, checked against trails at once;
/// crimes and correlation runs out. The rules are the use cases'; these endpoints translate in and out.</summary>
internal static class CrimesApi
{
    public sealed record RunRequest(bool? AllTags);

    public static void MapCrimesApi(this IEndpointRouteBuilder api)
    {
        var crimes = api.MapGroup("/crimes").WithTags("Crimes").RequireAuthorization(nameof(Permission.ManageCrimes));
        crimes.MapPost("/import", ImportAsync).WithName("ImportCrimes")
            .WithDescription("Body: the CSV file. format=moj (crime-mapping batch), policeuk (street-level, area context) or tagwatch (with force=). Answers the row-level report; new or changed crimes are correlated at once.");
        crimes.MapGet("/", ListAsync).WithName("ListCrimes")
            .WithDescription("from and to (ISO-8601 UTC; both absent: the latest month of crimes held), borough (ONS code), category, sort=committedFrom|borough|category|reference, descending, page and pageSize (no pageSize: every crime). The X-Total-Count header counts them all.");
        crimes.MapGet("/monthly", CountByMonthAsync).WithName("CountCrimesByMonth")
            .WithDescription("Counts per month (UK time) and category of the crimes the listing would show: from and to (at most a year; both absent: the latest year held), borough, category.");

        var runs = api.MapGroup("/correlation/runs").WithTags("Crimes").RequireAuthorization(nameof(Permission.RunCorrelation));
        runs.MapGet("/", ListRunsAsync).WithName("ListCorrelationRuns");
        runs.MapPost("/", StartRunAsync).WithName("StartCorrelationRun");
    }

    private static async Task<Results<Ok<ImportCrimesResponse>, ProblemHttpResult>> ImportAsync(HttpContext http, ImportCrimes import, string? format, string? force)
    {
        var actor = await http.RequiredActorAsync();
        if (!CrimeFileFormats.TryParse(format, out var fileFormat))
        {
            return UseCaseAnswers.Problem(UseCaseFailure.Invalid("format", $"'{format?.ToLowerInvariant()}' is not {CrimeFileFormats.Names}"));
        }

        // The readers are synchronous: take the upload into a temporary file first (never blocking a server thread on the network).
        await using var upload = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await http.Request.Body.CopyToAsync(upload, http.RequestAborted);
        upload.Position = 0;
        using var reader = new StreamReader(upload, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var result = await import.ExecuteAsync(actor, new ImportCrimesRequest(fileFormat, reader, force), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(ImportCrimesResponse.From(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<IReadOnlyList<CrimeResponse>>, ProblemHttpResult>> ListAsync(
        HttpContext http, ListCrimes list, string? from, string? to, string? borough, string? category, string? sort, bool? descending, int? page, int? pageSize)
    {
        var actor = await http.RequiredActorAsync();
        if (!TryPeriod(from, to, out var start, out var end, out var badPeriod))
        {
            return UseCaseAnswers.Problem(badPeriod);
        }

        CrimeCategory? crimeCategory = null;
        if (category is not null)
        {
            if (!ApiValues.TryEnum<CrimeCategory>(category, out var one))
            {
                return UseCaseAnswers.Problem(UseCaseFailure.Invalid("category", $"'{category}' is not one of {string.Join(", ", Enum.GetNames<CrimeCategory>())}"));
            }

            crimeCategory = one;
        }

        var order = CrimeSort.CommittedFrom;
        if (sort is not null && !ApiValues.TryEnum(sort, out order))
        {
            return UseCaseAnswers.Problem(UseCaseFailure.Invalid("sort", $"'{sort}' is not one of {string.Join(", ", Enum.GetNames<CrimeSort>())}"));
        }

        var result = await list.ExecuteAsync(actor, new ListCrimesRequest(start, end, borough, crimeCategory, order, descending ?? false, page ?? 1, pageSize), http.RequestAborted);
        if (!result.Succeeded)
        {
            return UseCaseAnswers.Problem(result.Failure);
        }

        http.Response.Headers["X-Total-Count"] = result.Value.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok<IReadOnlyList<CrimeResponse>>(result.Value.Crimes.Select(CrimeResponse.From).ToList());
    }

    private static async Task<Results<Ok<CrimeMonthCountsResponse>, ProblemHttpResult>> CountByMonthAsync(
        HttpContext http, CountCrimesByMonth count, string? from, string? to, string? borough, string? category)
    {
        var actor = await http.RequiredActorAsync();
        if (!TryPeriod(from, to, out var start, out var end, out var badPeriod))
        {
            return UseCaseAnswers.Problem(badPeriod);
        }

        CrimeCategory? crimeCategory = null;
        if (category is not null)
        {
            if (!ApiValues.TryEnum<CrimeCategory>(category, out var one))
            {
                return UseCaseAnswers.Problem(UseCaseFailure.Invalid("category", $"'{category}' is not one of {string.Join(", ", Enum.GetNames<CrimeCategory>())}"));
            }

            crimeCategory = one;
        }

        var result = await count.ExecuteAsync(actor, new CountCrimesByMonthRequest(start, end, borough, crimeCategory), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(CrimeMonthCountsResponse.Of(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }

    /// <summary>Both instants, or neither (the use case's default period); a malformed one is named.</summary>
    private static bool TryPeriod(string? from, string? to, out Instant? start, out Instant? end, out UseCaseFailure failure)
    {
        start = null;
        end = null;
        failure = null!;
        if (from is null && to is null)
        {
            return true;
        }

        if (!ApiValues.TryInstant(from, out var s) || !ApiValues.TryInstant(to, out var e))
        {
            failure = UseCaseFailure.Invalid(ApiValues.TryInstant(from, out _) ? "to" : "from", "from and to are ISO-8601 UTC instants, from before to");
            return false;
        }

        (start, end) = (s, e);
        return true;
    }

    private static async Task<Results<Ok<IReadOnlyList<CorrelationRunResponse>>, ProblemHttpResult>> ListRunsAsync(HttpContext http, ListCorrelationRuns list, int? limit)
    {
        var actor = await http.RequiredActorAsync();
        var result = await list.ExecuteAsync(actor, new ListCorrelationRunsRequest(limit ?? ListCorrelationRuns.DefaultLimit), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok<IReadOnlyList<CorrelationRunResponse>>(result.Value.Select(CorrelationRunResponse.From).ToList())
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<CorrelationRunStartedResponse>, ProblemHttpResult>> StartRunAsync(RunRequest body, HttpContext http, RunCorrelation run)
    {
        var actor = await http.RequiredActorAsync();
        var result = await run.ExecuteAsync(actor, new RunCorrelationRequest(body.AllTags ?? false), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(CorrelationRunStartedResponse.From(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }
}
