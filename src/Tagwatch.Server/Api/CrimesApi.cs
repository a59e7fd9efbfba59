using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using NodaTime.Text;
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
        crimes.MapGet("/area", ListAreaAsync).WithName("ListAreaCrimes")
            .WithDescription("Published street-level (police.uk) crimes as map context, counted per anonymised map point: from and to (months, YYYY-MM, both included, at most 12), borough (ONS code or name), crimeType (as police.uk publishes it), and a map box south, west, north, east (all four or none). Police see their boroughs only. At most 2000 places, busiest first: shown_crimes of total_crimes.");

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

    private static async Task<Results<Ok<AreaCrimePlacesResponse>, ProblemHttpResult>> ListAreaAsync(
        HttpContext http, ListAreaCrimes list, string? from, string? to, string? borough, string? crimeType, double? south, double? west, double? north, double? east)
    {
        var actor = await http.RequiredActorAsync();
        if (!TryMonth("from", from, out var first, out var badMonth) || !TryMonth("to", to, out var last, out badMonth))
        {
            return UseCaseAnswers.Problem(badMonth);
        }

        AreaBounds? bounds = null;
        double?[] box = [south, west, north, east];
        if (box.Any(b => b is not null))
        {
            string[] names = ["south", "west", "north", "east"];
            int missing = Array.FindIndex(box, b => b is null);
            if (missing >= 0)
            {
                return UseCaseAnswers.Problem(UseCaseFailure.Invalid(names[missing], "a map box needs all of south, west, north and east"));
            }

            bounds = new AreaBounds(south!.Value, west!.Value, north!.Value, east!.Value);
        }

        var result = await list.ExecuteAsync(actor, new ListAreaCrimesRequest(first, last, borough, crimeType, bounds), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(AreaCrimePlacesResponse.Of(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }

    /// <summary>A month as YYYY-MM (absent: null, the use case says whether it is needed); a malformed one is named.</summary>
    private static bool TryMonth(string field, string? text, out YearMonth? month, out UseCaseFailure failure)
    {
        month = null;
        failure = null!;
        if (text is null)
        {
            return true;
        }

        var parsed = YearMonthPattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            failure = UseCaseFailure.Invalid(field, $"'{text}' is not a month as YYYY-MM");
            return false;
        }

        month = parsed.Value;
        return true;
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
