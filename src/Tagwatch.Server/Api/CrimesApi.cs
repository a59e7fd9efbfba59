using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
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
        crimes.MapGet("/", ListAsync).WithName("ListCrimes");

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

    private static async Task<Results<Ok<IReadOnlyList<CrimeResponse>>, ProblemHttpResult>> ListAsync(HttpContext http, ListCrimes list, string? from, string? to)
    {
        var actor = await http.RequiredActorAsync();
        if (!ApiValues.TryInstant(from, out var start) || !ApiValues.TryInstant(to, out var end))
        {
            return UseCaseAnswers.Problem(UseCaseFailure.Invalid(ApiValues.TryInstant(from, out _) ? "to" : "from", "from and to are ISO-8601 UTC instants, from before to"));
        }

        var result = await list.ExecuteAsync(actor, new ListCrimesRequest(start, end), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok<IReadOnlyList<CrimeResponse>>(result.Value.Crimes.Select(CrimeResponse.From).ToList())
            : UseCaseAnswers.Problem(result.Failure);
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
