using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Application.Correlation;
using Tagwatch.Core.Access;
using Tagwatch.Core.Geo;
using Tagwatch.Server.Security;
using Tagwatch.Storage;

namespace Tagwatch.Server.Api;

/// <summary>"Who was within R m of this place between t1 and t2": the purpose is required and recorded; probation sees only its caseload in the answer.</summary>
internal static class NearApi
{
    public sealed record NearRequest(double Latitude, double Longitude, double Radius, string From, string To, string Purpose);

    public static void MapNearApi(this IEndpointRouteBuilder api) =>
        api.MapPost("/near", SearchAsync).WithTags("Searches").RequireAuthorization(nameof(Permission.SearchNear)).WithName("SearchNear");

    private static async Task<IResult> SearchAsync(NearRequest body, HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        if (!GeoPoint.IsValidLatitude(body.Latitude) || !GeoPoint.IsValidLongitude(body.Longitude))
        {
            return ApiProblems.Invalid("latitude", $"{body.Latitude}, {body.Longitude} is not a position on Earth");
        }

        if (body.Radius is not (> 0 and <= NearQuery.MaxRadiusMetres))
        {
            // A relational pattern is false for NaN, so NaN and infinities are refused here with the rest.
            return ApiProblems.Invalid("radius", $"{body.Radius} is not a radius in metres: more than 0 and at most {NearQuery.MaxRadiusMetres}");
        }

        if (!ApiValues.TryInstant(body.From, out var from) || !ApiValues.TryInstant(body.To, out var to))
        {
            return ApiProblems.Invalid(ApiValues.TryInstant(body.From, out _) ? "to" : "from", "an ISO-8601 UTC instant (2019-03-01T12:00:00Z)");
        }

        if (actor.Role == Role.Police && (body.Radius > AccessPolicy.PoliceTrailRadiusMetres || to - from > NodaTime.Duration.FromTimeSpan(AccessPolicy.PoliceTrailWindow)))
        {
            // The same minimum-necessary limits as police trail access.
            return ApiProblems.Invalid(body.Radius > AccessPolicy.PoliceTrailRadiusMetres ? "radius" : "to",
                $"police searches cover at most {AccessPolicy.PoliceTrailRadiusMetres} m and {AccessPolicy.PoliceTrailWindow.TotalHours} hours");
        }

        if (!AccessPolicy.CoversArea(actor, new GeoPoint(body.Latitude, body.Longitude), body.Radius))
        {
            // Refused before the search runs, so nothing is searched or recorded as a search.
            return UseCaseAnswers.Problem(ScopeRefusals.AreaOutsideBoroughs(actor, new GeoPoint(body.Latitude, body.Longitude)));
        }

        var (search, hits) = await services.Near.RunAsync(new GeoPoint(body.Latitude, body.Longitude), body.Radius, from, to, body.Purpose ?? "", actor.Username, http.RequestAborted);
        var visible = actor.Role == Role.ProbationOfficer ? hits.Where(h => h.OffenderReference is { } r && actor.Caseload.Contains(r)).ToList() : hits;
        await http.AuditAsync(actor, AuditActions.Search, "area", null,
            $"within {body.Radius} m of {body.Latitude:F5},{body.Longitude:F5} {from}–{to}; {visible.Count} results: {string.Join(",", visible.Select(h => h.OffenderReference ?? h.Tag.Value))}",
            body.Purpose);
        return Results.Ok(new
        {
            search = search.Id,
            hits = visible.Select(h => new
            {
                tag = h.Tag.Value, offender = h.OffenderReference, min_distance_m = h.Proximity.MinDistanceMetres,
                closest_time = NodaTime.Instant.FromUnixTimeMilliseconds(h.Proximity.ClosestTimeUnixMs).ToString(), fixes = h.Proximity.Count,
            }),
        });
    }
}
