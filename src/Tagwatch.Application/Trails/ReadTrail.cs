using System.Globalization;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Trails;

/// <summary>
/// A person's trail over a window, as a page to look at or as an export: probation for their caseload and the
/// monitoring centre for everyone; police only with a stated purpose, at most a day, and an area of at most 2 km
/// inside their boroughs — and then only the fixes inside that area.
/// </summary>
/// <remarks>The read is audited (a page as <see cref="AuditActions.ViewTrail"/>, an export as
/// <see cref="AuditActions.Export"/>, with the window, the area and the count) before the fixes are returned.</remarks>
public sealed class ReadTrail(IOffenderStore offenders, ITagDirectory tags, IFixStore fixes, IAuditLog audit)
{
    /// <summary>The most fixes one page holds: a month of one-a-minute fixes, so the trail page plays a month back after
    /// one request (one audit record) rather than a chain of them.</summary>
    public const int MaxPage = 50_000;

    /// <summary>A page's size when none is asked for.</summary>
    public const int DefaultPage = 1_000;

    /// <summary>The shortest purpose a police user may state.</summary>
    public const int MinPurpose = 10;

    /// <summary>Reads the trail <paramref name="request"/> asks for, as <paramref name="actor"/> may see it.</summary>
    public async Task<UseCaseResult<ReadTrailResult>> ExecuteAsync(Actor actor, ReadTrailRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ViewTrails))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ViewTrails)}.");
        }

        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        TrailArea? area = null;
        if (actor.Role == Role.Police)
        {
            if (PoliceRefusal(actor, request, out var circle) is { } refusal)
            {
                return refusal;
            }

            area = circle;
        }

        var offender = OffenderReference.TryParse(request.Reference, out var reference, out _) ? await offenders.FindAsync(reference, cancellationToken) : null;
        if (offender is null)
        {
            return UseCaseFailure.NotFound($"No person has the reference '{request.Reference}'.");
        }

        if (actor.Role != Role.Police && !AccessPolicy.CoversOffender(actor, offender.Reference.ToString()))
        {
            return UseCaseFailure.Forbidden($"{offender.Reference} is not on your caseload.");
        }

        int size = Math.Clamp(request.Limit ?? DefaultPage, 1, MaxPage);
        var trail = request.Format == TrailFormat.Json
            ? await PageFixesAsync(offender.Id, request.From, request.To, request.After, area is null ? size : int.MaxValue, cancellationToken)
            : await FixesAsync(offender.Id, request.From, request.To, cancellationToken);
        if (area is { } limit)
        {
            // Every fix returned lies in the area and in the actor's boroughs (the area check makes the second a safeguard).
            trail = trail.Where(f => Geodesic.DistanceMetres(f.Fix.Position, limit.Centre) <= limit.RadiusMetres && AccessPolicy.CoversPosition(actor, f.Fix.Position)).ToList();
        }

        string window = $"{request.From}–{request.To}";
        string scope = area is { } a
            ? string.Create(CultureInfo.InvariantCulture, $"; area {a.RadiusMetres} m around {a.Centre.Latitude:F5},{a.Centre.Longitude:F5}")
            : "";
        if (request.Format == TrailFormat.Json)
        {
            long afterMs = request.After is { } cursor ? cursor.ToUnixTimeMilliseconds() : long.MinValue;
            var page = trail.Where(f => f.Fix.TimeUnixMs > afterMs).Take(size).ToList();
            await AuditAsync(actor, AuditActions.ViewTrail, offender.Reference, $"trail {window}{scope}; {page.Count} fixes", request.Purpose, cancellationToken);
            return new ReadTrailResult(offender.Reference, request.From, request.Format, page, page.Count == size ? page[^1].Fix.Time : null);
        }

        string format = request.Format.ToString().ToLowerInvariant();
        await AuditAsync(actor, AuditActions.Export, offender.Reference, $"trail {window}{scope} as {format}; {trail.Count} fixes", request.Purpose, cancellationToken);
        return new ReadTrailResult(offender.Reference, request.From, request.Format, trail, null);
    }

    private static UseCaseFailure? Validate(ReadTrailRequest request)
    {
        if (request.To <= request.From)
        {
            return UseCaseFailure.Invalid("to", "must be after 'from'");
        }

        if (request.Purpose?.Length > StatedText.MaxReason)
        {
            return UseCaseFailure.Invalid("purpose", $"at most {StatedText.MaxReason} characters");
        }

        return null;
    }

    /// <summary>Police: no free browsing. A stated purpose, at most a day, and an area of at most 2 km around a point in their boroughs.</summary>
    private static UseCaseFailure? PoliceRefusal(Actor actor, ReadTrailRequest request, out TrailArea area)
    {
        area = default;
        if (string.IsNullOrWhiteSpace(request.Purpose) || request.Purpose.Trim().Length < MinPurpose)
        {
            return UseCaseFailure.Invalid("purpose", $"police trail access needs a stated purpose (at least {MinPurpose} characters), which is recorded");
        }

        if (request.To - request.From > Duration.FromTimeSpan(AccessPolicy.PoliceTrailWindow))
        {
            return UseCaseFailure.Invalid("to", $"police trail access covers at most {AccessPolicy.PoliceTrailWindow.TotalHours} hours (the minimum necessary time)");
        }

        if (request is not { Latitude: { } lat, Longitude: { } lon, RadiusMetres: double radius and > 0 and <= AccessPolicy.PoliceTrailRadiusMetres }
            || !GeoPoint.IsValidLatitude(lat) || !GeoPoint.IsValidLongitude(lon))
        {
            return UseCaseFailure.Invalid("radius", $"police trail access needs an area: lat, lon and a radius of at most {AccessPolicy.PoliceTrailRadiusMetres} m");
        }

        area = new TrailArea(new GeoPoint(lat, lon), radius);

        // Checked before the person is looked up, so the answer says nothing about whether they exist.
        return AccessPolicy.CoversArea(actor, area.Centre, area.RadiusMetres) ? null : ScopeRefusals.AreaOutsideBoroughs(actor, area.Centre);
    }

    /// <summary>
    /// At least the first <paramref name="wanted"/> fixes after <paramref name="after"/> (all of them when fewer), read a
    /// day at a time from the cursor on: a page of a month's trail costs the reading of that page, not of the month.
    /// </summary>
    private async Task<List<TrailFix>> PageFixesAsync(OffenderId offender, Instant from, Instant to, Instant? after, int wanted, CancellationToken cancellationToken)
    {
        var start = after is { } cursor && cursor > from ? cursor : from;
        var result = new List<TrailFix>();
        var step = Duration.FromDays(1);
        while (start <= to && result.Count <= wanted)
        {
            var end = wanted == int.MaxValue || to - start <= step ? to : start + step;
            // Reads include both ends: the next window starts a millisecond (the fixes' resolution) later. The
            // cursor's own instant is read again and dropped by the caller's "after" filter.
            result.AddRange(await FixesAsync(offender, start, end, cancellationToken));
            start = end + Duration.FromMilliseconds(1);
        }

        return result;
    }

    /// <summary>The person's fixes from every tag they wore in the window, in time order.</summary>
    private async Task<List<TrailFix>> FixesAsync(OffenderId offender, Instant from, Instant to, CancellationToken cancellationToken)
    {
        var result = new List<TrailFix>();
        foreach (var assignment in (await tags.MonitoredAssignmentsAsync(cancellationToken)).Where(a => a.Offender == offender))
        {
            var start = Instant.Max(from, assignment.From);
            var end = assignment.To is { } until ? Instant.Min(to, until) : to;
            if (end > start)
            {
                result.AddRange((await fixes.ReadAsync(assignment.Tag, start, end, cancellationToken)).Select(f => new TrailFix(assignment.Tag, f)));
            }
        }

        result.Sort((a, b) => a.Fix.TimeUnixMs.CompareTo(b.Fix.TimeUnixMs));
        return result;
    }

    private Task<AuditEntry> AuditAsync(Actor actor, string action, OffenderReference subject, string data, string? purpose, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), action, "offender", subject.ToString(), data, purpose), cancellationToken);
}
