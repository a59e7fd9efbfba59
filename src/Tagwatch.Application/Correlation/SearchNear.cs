using System.Globalization;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Geo;

namespace Tagwatch.Application.Correlation;

/// <summary>
/// Who was near a place at a time (<see cref="NearQuery"/>), with a stated purpose. Police keep to the limits of their
/// trail access (an area of at most 2 km within their boroughs, at most a day); probation see in the answer only the
/// people on their caseload. The search is recorded with its purpose, and audited with what the actor was shown.
/// </summary>
/// <remarks>Every refusal comes before the search runs, so nothing refused is searched or recorded as a search.</remarks>
public sealed class SearchNear(NearQuery query, IAuditLog audit)
{
    public async Task<UseCaseResult<SearchNearResult>> ExecuteAsync(Actor actor, SearchNearRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.SearchNear))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.SearchNear)}.");
        }

        if ((Validate(request) ?? PoliceRefusal(actor, request)) is { } refusal)
        {
            return refusal;
        }

        var centre = new GeoPoint(request.Latitude, request.Longitude);
        var (search, hits) = await query.RunAsync(centre, request.RadiusMetres, request.From, request.To, request.Purpose!, actor.Username, cancellationToken);
        var visible = actor.Role == Role.ProbationOfficer ? hits.Where(h => h.OffenderReference is { } r && actor.Caseload.Contains(r)).ToList() : hits;
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.Search, "area", null,
            string.Create(CultureInfo.InvariantCulture,
                $"within {request.RadiusMetres} m of {request.Latitude:F5},{request.Longitude:F5} {request.From}–{request.To}; {visible.Count} results: {string.Join(",", visible.Select(h => h.OffenderReference ?? h.Tag.Value))}"),
            search.Purpose), cancellationToken);
        return new SearchNearResult(search, visible);
    }

    private static UseCaseFailure? Validate(SearchNearRequest request)
    {
        if (!GeoPoint.IsValidLatitude(request.Latitude) || !GeoPoint.IsValidLongitude(request.Longitude))
        {
            return UseCaseFailure.Invalid("latitude", string.Create(CultureInfo.InvariantCulture, $"{request.Latitude}, {request.Longitude} is not a position on Earth"));
        }

        if (request.RadiusMetres is not (> 0 and <= NearQuery.MaxRadiusMetres))
        {
            // A relational pattern is false for NaN, so NaN and infinities are refused here with the rest.
            return UseCaseFailure.Invalid("radius", string.Create(CultureInfo.InvariantCulture,
                $"{request.RadiusMetres} is not a radius in metres: more than 0 and at most {NearQuery.MaxRadiusMetres} (the minimum necessary area)"));
        }

        if (request.To < request.From || request.To - request.From > NearQuery.MaxRange)
        {
            return UseCaseFailure.Invalid("to", $"the time range must run forwards and cover at most {NearQuery.MaxRange.TotalDays} days");
        }

        if (string.IsNullOrWhiteSpace(request.Purpose) || request.Purpose.Trim().Length < NearQuery.MinPurposeLength)
        {
            return UseCaseFailure.Invalid("purpose", $"a purpose of at least {NearQuery.MinPurposeLength} characters is required (why this search is necessary)");
        }

        return request.Purpose.Length > StatedText.MaxReason ? UseCaseFailure.Invalid("purpose", $"at most {StatedText.MaxReason} characters") : null;
    }

    /// <summary>Police: the same minimum-necessary limits as their trail access, and a circle within their boroughs
    /// (checked before anything is searched, whether or not anyone was there).</summary>
    private static UseCaseFailure? PoliceRefusal(Actor actor, SearchNearRequest request)
    {
        if (actor.Role != Role.Police)
        {
            return null;
        }

        if (request.RadiusMetres > AccessPolicy.PoliceTrailRadiusMetres || request.To - request.From > Duration.FromTimeSpan(AccessPolicy.PoliceTrailWindow))
        {
            return UseCaseFailure.Invalid(request.RadiusMetres > AccessPolicy.PoliceTrailRadiusMetres ? "radius" : "to",
                $"police searches cover at most {AccessPolicy.PoliceTrailRadiusMetres} m and {AccessPolicy.PoliceTrailWindow.TotalHours} hours");
        }

        var centre = new GeoPoint(request.Latitude, request.Longitude);
        return AccessPolicy.CoversArea(actor, centre, request.RadiusMetres) ? null : ScopeRefusals.AreaOutsideBoroughs(actor, centre);
    }
}
