using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Trails;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Csv;
using Tagwatch.Protocols.GeoJson;
using Tagwatch.Protocols.Gpx;
using Tagwatch.Protocols.Kml;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>A person's trail, as a page or an export: the door onto <see cref="ReadTrail"/>, which holds every access rule.</summary>
internal static class TrailsApi
{
    public static void MapTrailsApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/offenders").WithTags("Offenders")
            .MapGet("/{reference}/trail", TrailAsync).RequireAuthorization(nameof(Permission.ViewTrails)).WithName("GetOffenderTrail");
    }

    private static async Task<Results<Ok<TrailResponse>, Ok<TrailColumnsResponse>, PushStreamHttpResult, ProblemHttpResult>> TrailAsync(
        string reference, HttpContext http, ReadTrail readTrail,
        string? from, string? to, string? format, string? purpose, double? lat, double? lon, double? radius, string? after, int? limit)
    {
        var actor = await http.RequiredActorAsync();
        if (!ApiValues.TryInstant(from, out var start) || !ApiValues.TryInstant(to, out var end))
        {
            return Invalid(ApiValues.TryInstant(from, out _) ? "to" : "from", "required, as an ISO-8601 UTC instant (2019-03-01T12:00:00Z)");
        }

        string formatName = (format ?? "json").ToLowerInvariant();
        TrailFormat? parsed = formatName switch
        {
            // The same page as json, written in columns for the browser's trail player (same read, same audit).
            "json" or "columns" => TrailFormat.Json,
            "geojson" => TrailFormat.GeoJson,
            "gpx" => TrailFormat.Gpx,
            "csv" => TrailFormat.Csv,
            "kml" => TrailFormat.Kml,
            _ => null,
        };
        if (parsed is not { } trailFormat)
        {
            return Invalid("format", $"'{formatName}' is not json, columns, geojson, gpx, kml or csv");
        }

        Instant? cursor = ApiValues.TryInstant(after, out var afterInstant) ? afterInstant : null;
        var request = new ReadTrailRequest(reference, start, end, trailFormat, purpose, lat, lon, radius, cursor, limit);
        var result = await readTrail.ExecuteAsync(actor, request, http.RequestAborted);
        if (!result.Succeeded)
        {
            return UseCaseAnswers.Problem(result.Failure);
        }

        var trail = result.Value;
        if (trail.Format == TrailFormat.Json && formatName == "columns")
        {
            return TypedResults.Ok(TrailColumnsResponse.Of(trail));
        }

        if (trail.Format == TrailFormat.Json)
        {
            return TypedResults.Ok(new TrailResponse(trail.Reference.ToString(), [.. trail.Fixes.Select(TrailFixResponse.Of)], trail.Next));
        }

        return TypedResults.Stream(output => WriteExportAsync(output, trail.Format, trail.Fixes), trail.Format switch
        {
            TrailFormat.GeoJson => "application/geo+json",
            TrailFormat.Gpx => "application/gpx+xml",
            TrailFormat.Kml => "application/vnd.google-earth.kml+xml",
            _ => "text/csv",
        }, $"{trail.Reference}-{trail.From.ToUnixTimeSeconds()}.{formatName}");
    }

    private static ProblemHttpResult Invalid(string field, string message) =>
        UseCaseAnswers.Problem(Application.UseCases.UseCaseFailure.Invalid(field, message));

    private static async Task WriteExportAsync(Stream output, TrailFormat format, IReadOnlyList<TrailFix> fixes)
    {
        var buffer = new MemoryStream();
        var tag = fixes.Count > 0 ? fixes[0].Tag : TagId.Parse("none");
        if (format == TrailFormat.GeoJson)
        {
            FixGeoJsonWriter.Write(buffer, tag, fixes.Select(f => f.Fix));
        }
        else
        {
            await using var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true);
            if (format == TrailFormat.Gpx)
            {
                GpxWriter.Write(writer, tag, fixes.Select(f => f.Fix));
            }
            else if (format == TrailFormat.Kml)
            {
                KmlWriter.Write(writer, tag, fixes.Select(f => f.Fix));
            }
            else
            {
                var csv = new FixCsvWriter(writer);
                csv.WriteHeader();
                foreach (var (t, f) in fixes)
                {
                    csv.Write(t, f);
                }
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output);
    }
}
