using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Correlation;
using Tagwatch.Core.Access;
using Tagwatch.Core.Crimes;
using Tagwatch.Correlation.Scored;
using Tagwatch.Protocols.Crimes;
using Tagwatch.Server.Security;
using Tagwatch.Storage;

namespace Tagwatch.Server.Api;

/// <summary>Crime files in (MoJ batch, police.uk, Tagwatch CSV) with the row-level report, checked against trails at once; crimes and correlation runs out.</summary>
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
        runs.MapGet("/", async (HttpContext http, TagwatchServices services, int? limit) =>
            Results.Ok((await services.Matches.ListRunsAsync(limit ?? 100, http.RequestAborted)).Select(Json))).WithName("ListCorrelationRuns");
        runs.MapPost("/", async (RunRequest body, HttpContext http, TagwatchServices services) =>
        {
            var actor = await http.RequiredActorAsync();
            var outcome = await services.ScoredCorrelation.RunAsync(new ScoringParameters(), body.AllTags ?? false, "manual", actor.Username, cancellationToken: http.RequestAborted);
            await http.AuditAsync(actor, AuditActions.RunCorrelation, "correlation", outcome.Run.Id.ToString(), $"manual run: {outcome.Run.Crimes} crimes × {outcome.Run.Subjects} people → {outcome.Run.Matches} matches");
            return Results.Ok(new { run = Json(outcome.Run), created = outcome.Saved.Created, updated = outcome.Saved.Updated, unchanged = outcome.Saved.Unchanged, withdrawn = outcome.Saved.Withdrawn, amended = outcome.Saved.Amended });
        }).WithName("StartCorrelationRun");
    }

    private static async Task<IResult> ImportAsync(HttpContext http, TagwatchServices services, string? format, string? force)
    {
        var actor = await http.RequiredActorAsync();
        format = format?.ToLowerInvariant();
        if (format is not ("moj" or "policeuk" or "tagwatch"))
        {
            return ApiProblems.Invalid("format", $"'{format}' is not moj, policeuk or tagwatch");
        }

        var policeForce = PoliceForce.Find(force ?? "METROPOLITAN");
        if (policeForce is null)
        {
            return ApiProblems.Invalid("force", $"'{force}' is not a known police force");
        }

        // The readers are synchronous: take the upload into a temporary file first (never blocking a server thread on the network).
        await using var upload = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await http.Request.Body.CopyToAsync(upload, http.RequestAborted);
        upload.Position = 0;
        using var reader = new StreamReader(upload, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var importer = services.CrimeImporter;
        var report = format switch
        {
            // Police store crimes of their own boroughs only: the others are rejected row by row.
            "moj" => await importer.ImportAsync(MojCrimeBatchReader.Read(reader), actor, http.RequestAborted),
            "policeuk" => await importer.ImportAreaAsync(PoliceUkCsvReader.Read(reader), actor, http.RequestAborted),
            _ => await importer.ImportAsync(TagwatchCrimeCsvReader.Read(reader, policeForce), actor, http.RequestAborted),
        };
        // The import queued its new and changed crimes in its own transaction; checking what waits checks them (and any
        // an interrupted earlier import left).
        var correlated = await services.PendingCorrelation.RunCrimesAsync($"import by {actor.Username}", http.RequestAborted);

        await http.AuditAsync(actor, AuditActions.ImportCrimes, "crime", null,
            $"{format} file: {report.Rows} rows, {report.Accepted} accepted, {report.Updated} updated, {report.Duplicates} duplicates, {report.Rejected} rejected");
        return Results.Ok(new
        {
            rows = report.Rows, accepted = report.Accepted, updated = report.Updated, duplicates = report.Duplicates, flagged = report.Flagged, rejected = report.Rejected,
            errors = report.Errors.Select(e => new { row = e.Row, field = e.Field, reason = e.Reason }), error_count = report.ErrorCount,
            correlation = correlated is null ? null : new { run = correlated.Run.Id, crimes = correlated.Run.Crimes, matches = correlated.Run.Matches, significant = correlated.Run.Significant, created = correlated.Saved.Created, updated = correlated.Saved.Updated, amended = correlated.Saved.Amended },
        });
    }

    private static async Task<IResult> ListAsync(HttpContext http, TagwatchServices services, string? from, string? to)
    {
        var actor = await http.RequiredActorAsync();
        if (!ApiValues.TryInstant(from, out var start) || !ApiValues.TryInstant(to, out var end) || end <= start)
        {
            return ApiProblems.Invalid(ApiValues.TryInstant(from, out _) ? "to" : "from", "from and to are ISO-8601 UTC instants, from before to");
        }

        if (end - start > Duration.FromDays(92))
        {
            return ApiProblems.Invalid("to", "at most 92 days at a time");
        }

        var crimes = (await services.Crimes.CurrentAsync(start, end, http.RequestAborted))
            .Where(c => AccessPolicy.CoversBorough(actor, c.BoroughCode)).ToList();
        return Results.Ok(crimes.Select(c => new
        {
            force = c.Force, reference = c.Reference, version = c.Version, category = c.Category.ToString(), code = c.CategoryCode,
            committed_from = c.CommittedFrom.ToString(), committed_to = c.CommittedTo.ToString(), latitude = c.Position.Latitude, longitude = c.Position.Longitude,
            precision_m = c.LocationPrecisionMetres, borough = c.BoroughCode,
        }));
    }

    private static object Json(CorrelationRun r) => new
    {
        id = r.Id, mode = r.Mode, trigger = r.Trigger, requested_by = r.RequestedBy, algorithm = r.AlgorithmVersion, data_from = r.DataFrom.ToString(), data_to = r.DataTo.ToString(),
        started = r.Started.ToString(), finished = r.Finished?.ToString(), status = r.Status.ToString().ToLowerInvariant(), crimes = r.Crimes, subjects = r.Subjects, matches = r.Matches, significant = r.Significant,
    };
}
