using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Protocols.Csv;
using Tagwatch.Protocols.GeoJson;
using Tagwatch.Protocols.Gpx;
using Tagwatch.Server.Security;
using Tagwatch.Storage;

namespace Tagwatch.Server.Api;

/// <summary>People's records, conditions and trails: probation for their caseload; police a trail only with a purpose, a short window and an area.</summary>
internal static class OffendersApi
{
    /// <summary>The most fixes one page of a JSON trail holds.</summary>
    public const int MaxPage = 5_000;

    public static void MapOffendersApi(this IEndpointRouteBuilder api)
    {
        var offenders = api.MapGroup("/offenders").WithTags("Offenders");
        offenders.MapGet("/", ListAsync).RequireAuthorization(nameof(Permission.ViewOffenderRecords)).WithName("ListOffenders");
        offenders.MapGet("/{reference}", GetAsync).RequireAuthorization(nameof(Permission.ViewOffenderRecords)).WithName("GetOffender");
        offenders.MapGet("/{reference}/conditions", ConditionsAsync).RequireAuthorization(nameof(Permission.ViewOffenderRecords)).WithName("GetOffenderConditions");
        offenders.MapGet("/{reference}/trail", TrailAsync).RequireAuthorization(nameof(Permission.ViewTrails)).WithName("GetOffenderTrail");
    }

    private static async Task<IResult> ListAsync(HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        var today = services.Offenders.Today;
        var mine = (await services.Offenders.ListAsync(http.RequestAborted)).Where(o => AccessPolicy.CoversOffender(actor, o.Reference.ToString())).ToList();
        await http.AuditAsync(actor, AuditActions.ViewRecord, "offender", null, $"caseload list: {string.Join(",", mine.Select(o => o.Reference))}");
        return Results.Ok(mine.Select(o => new
        {
            reference = o.Reference.ToString(), status = o.StatusOn(today).ToString(), risk_tier = o.RiskTier.ToString(), home_borough = o.HomeBoroughCode,
            licence_start = ApiValues.Date(o.LicenceStart), licence_end = ApiValues.Date(o.LicenceEnd),
        }));
    }

    private static async Task<IResult> GetAsync(string reference, HttpContext http, TagwatchServices services)
    {
        var (actor, offender, refusal) = await ResolveAsync(reference, http, services);
        if (refusal is not null)
        {
            return refusal;
        }

        var (_, person, risk) = await services.Offenders.ShowAsync(offender!.Reference, http.RequestAborted);
        await http.AuditAsync(actor!, AuditActions.ViewRecord, "offender", offender.Reference.ToString(), "record: identity, licence, risk history");
        return Results.Ok(new
        {
            reference = offender.Reference.ToString(),
            given_name = person?.GivenName, family_name = person?.FamilyName, date_of_birth = person is null ? null : ApiValues.Date(person.DateOfBirth),
            index_offences = offender.IndexOffences.Select(i => i.ToString()),
            risk_tier = offender.RiskTier.ToString(), home_borough = offender.HomeBoroughCode,
            home = new { latitude = offender.HomeAddress.Latitude, longitude = offender.HomeAddress.Longitude },
            licence_start = ApiValues.Date(offender.LicenceStart), licence_end = ApiValues.Date(offender.LicenceEnd),
            monitoring_start = ApiValues.Date(offender.MonitoringStart), monitoring_end = ApiValues.Date(offender.MonitoringEnd),
            status = offender.StatusOn(services.Offenders.Today).ToString(), end_reason = offender.EndReason,
            risk_history = risk.Select(r => new { tier = r.Tier.ToString(), from = ApiValues.Date(r.EffectiveFrom), reason = r.Reason }),
        });
    }

    private static async Task<IResult> ConditionsAsync(string reference, HttpContext http, TagwatchServices services)
    {
        var (actor, offender, refusal) = await ResolveAsync(reference, http, services);
        if (refusal is not null)
        {
            return refusal;
        }

        var conditions = await services.Conditions.ActiveAsync(offender!.Id, http.RequestAborted);
        await http.AuditAsync(actor!, AuditActions.ViewRecord, "offender", offender.Reference.ToString(), $"conditions in force ({conditions.Count})");
        return Results.Ok(conditions.Select(c => new { id = c.Id, kind = c.Kind.ToString(), label = c.Label, grace_minutes = c.Grace.TotalMinutes, schedule = c.Schedule.ToString() }));
    }

    private static async Task<IResult> TrailAsync(
        string reference, HttpContext http, TagwatchServices services,
        string? from, string? to, string? format, string? purpose, double? lat, double? lon, double? radius, string? after, int? limit)
    {
        var actor = await http.RequiredActorAsync();
        if (!ApiValues.TryInstant(from, out var start) || !ApiValues.TryInstant(to, out var end))
        {
            return ApiProblems.Invalid(ApiValues.TryInstant(from, out _) ? "to" : "from", "required, as an ISO-8601 UTC instant (2019-03-01T12:00:00Z)");
        }

        if (end <= start)
        {
            return ApiProblems.Invalid("to", "must be after 'from'");
        }

        if (purpose?.Length > StatedText.MaxReason)
        {
            return ApiProblems.Invalid("purpose", $"at most {StatedText.MaxReason} characters");
        }

        format = (format ?? "json").ToLowerInvariant();
        if (format is not ("json" or "geojson" or "gpx" or "csv"))
        {
            return ApiProblems.Invalid("format", $"'{format}' is not json, geojson, gpx or csv");
        }

        var offender = OffenderReference.TryParse(reference, out var parsed, out _) ? await services.OffenderStore.FindAsync(parsed, http.RequestAborted) : null;
        Circle? area = null;
        if (actor.Role == Role.Police)
        {
            // Police: no free browsing. A stated purpose, at most a day, and an area of at most 2 km around a point.
            if (string.IsNullOrWhiteSpace(purpose) || purpose.Trim().Length < 10)
            {
                return ApiProblems.Invalid("purpose", "police trail access needs a stated purpose (at least 10 characters), which is recorded");
            }

            if (end - start > Duration.FromTimeSpan(AccessPolicy.PoliceTrailWindow))
            {
                return ApiProblems.Invalid("to", $"police trail access covers at most {AccessPolicy.PoliceTrailWindow.TotalHours} hours (the minimum necessary time)");
            }

            if (lat is null || lon is null || radius is not (> 0 and <= AccessPolicy.PoliceTrailRadiusMetres) || !GeoPoint.IsValidLatitude(lat.Value) || !GeoPoint.IsValidLongitude(lon.Value))
            {
                return ApiProblems.Invalid("radius", $"police trail access needs an area: lat, lon and a radius of at most {AccessPolicy.PoliceTrailRadiusMetres} m");
            }

            area = new Circle(new GeoPoint(lat.Value, lon.Value), radius.Value);

            // Checked before the person is looked up, so the answer says nothing about whether they exist.
            if (!AccessPolicy.CoversArea(actor, area.Value.Centre, area.Value.Radius))
            {
                return AreaOutsideBoroughs(actor, area.Value.Centre);
            }
        }
        else if (offender is null || !AccessPolicy.CoversOffender(actor, offender.Reference.ToString()))
        {
            return offender is null ? ApiProblems.NotFound($"No person has the reference '{reference}'.") : ApiProblems.OutOfScope($"{offender.Reference} is not on your caseload.");
        }

        if (offender is null)
        {
            return ApiProblems.NotFound($"No person has the reference '{reference}'.");
        }

        var fixes = await FixesAsync(services, offender.Id, start, end, http.RequestAborted);
        if (area is { } circle)
        {
            // Every fix returned lies in the area and in the actor's boroughs (the area check makes the second a safeguard).
            fixes = fixes.Where(f => Geodesic.DistanceMetres(f.Fix.Position, circle.Centre) <= circle.Radius && AccessPolicy.CoversPosition(actor, f.Fix.Position)).ToList();
        }

        string window = $"{start}–{end}";
        string scope = area is { } a ? $"; area {a.Radius} m around {a.Centre.Latitude:F5},{a.Centre.Longitude:F5}" : "";
        if (format == "json")
        {
            long afterMs = ApiValues.TryInstant(after, out var cursor) ? cursor.ToUnixTimeMilliseconds() : long.MinValue;
            int size = Math.Clamp(limit ?? 1000, 1, MaxPage);
            var page = fixes.Where(f => f.Fix.TimeUnixMs > afterMs).Take(size).ToList();
            await http.AuditAsync(actor, AuditActions.ViewTrail, "offender", offender.Reference.ToString(), $"trail {window}{scope}; {page.Count} fixes", purpose);
            return Results.Ok(new
            {
                reference = offender.Reference.ToString(),
                fixes = page.Select(f => new
                {
                    tag = f.Tag.Value, time = f.Fix.Time.ToString(), latitude = f.Fix.Latitude, longitude = f.Fix.Longitude,
                    accuracy_m = f.Fix.AccuracyMetres, speed_kmh = f.Fix.SpeedKmh, heading = f.Fix.HeadingDegrees, flags = f.Fix.Flags.ToString(),
                }),
                next = page.Count == size ? page[^1].Fix.Time.ToString() : null,
            });
        }

        await http.AuditAsync(actor, AuditActions.Export, "offender", offender.Reference.ToString(), $"trail {window}{scope} as {format}; {fixes.Count} fixes", purpose);
        return Results.Stream(output => WriteExportAsync(output, format, fixes), format switch
        {
            "geojson" => "application/geo+json",
            "gpx" => "application/gpx+xml",
            _ => "text/csv",
        }, $"{offender.Reference}-{start.ToUnixTimeSeconds()}.{format}");
    }

    private static async Task WriteExportAsync(Stream output, string format, List<(TagId Tag, Fix Fix)> fixes)
    {
        var buffer = new MemoryStream();
        var tag = fixes.Count > 0 ? fixes[0].Tag : TagId.Parse("none");
        if (format == "geojson")
        {
            FixGeoJsonWriter.Write(buffer, tag, fixes.Select(f => f.Fix));
        }
        else
        {
            await using var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true);
            if (format == "gpx")
            {
                GpxWriter.Write(writer, tag, fixes.Select(f => f.Fix));
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

    /// <summary>The person's fixes from every tag they wore in the window, in time order.</summary>
    internal static async Task<List<(TagId Tag, Fix Fix)>> FixesAsync(TagwatchServices services, OffenderId offender, Instant from, Instant to, CancellationToken cancellationToken)
    {
        var result = new List<(TagId, Fix)>();
        foreach (var assignment in (await services.Tags.MonitoredAssignmentsAsync(cancellationToken)).Where(a => a.Offender == offender))
        {
            var start = Instant.Max(from, assignment.From);
            var end = assignment.To is { } until ? Instant.Min(to, until) : to;
            if (end > start)
            {
                result.AddRange((await services.Fixes.ReadAsync(assignment.Tag, start, end, cancellationToken)).Select(f => (assignment.Tag, f)));
            }
        }

        result.Sort((a, b) => a.Item2.TimeUnixMs.CompareTo(b.Item2.TimeUnixMs));
        return result;
    }

    /// <summary>The request's actor and the person <paramref name="reference"/> names, or the refusal: 404 unknown, 403 outside the actor's scope.</summary>
    internal static async Task<(Actor? Actor, Offender? Offender, IResult? Refusal)> ResolveAsync(string reference, HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        var offender = OffenderReference.TryParse(reference, out var parsed, out _) ? await services.OffenderStore.FindAsync(parsed, http.RequestAborted) : null;
        if (offender is null)
        {
            return (actor, null, ApiProblems.NotFound($"No person has the reference '{reference}'."));
        }

        return AccessPolicy.CoversOffender(actor, offender.Reference.ToString())
            ? (actor, offender, null)
            : (actor, offender, ApiProblems.OutOfScope($"{offender.Reference} is not on your caseload."));
    }

    /// <summary>403 for an area a police user's boroughs do not cover, naming the boroughs and the largest radius that would fit there.</summary>
    internal static IResult AreaOutsideBoroughs(Actor actor, GeoPoint centre)
    {
        var scope = BoroughScope.Of(actor.Boroughs);
        double fits = Math.Floor(scope.MaxRadiusMetres(centre));
        return ApiProblems.OutOfScope(
            $"The area asked for is not within your boroughs ({scope}) and {BoroughScope.BufferMetres} m beyond their boundaries"
            + (fits > 0 ? $"; around this centre the radius may be at most {fits} m." : "; its centre lies outside them."));
    }

    private readonly record struct Circle(GeoPoint Centre, double Radius);
}
