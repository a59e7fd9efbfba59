using NodaTime;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Application.Correlation;

/// <summary>Ad hoc search: which tags had a fix within a radius of a place during a time range. The purpose is required
/// and the search is recorded before it runs, so even an abandoned search leaves its trace.</summary>
public sealed class NearQuery(TrailLoader trails, ITagDirectory tags, IOffenderStore offenders, ILocationSearchLog log, TimeProvider clock)
{
    /// <summary>Largest radius a search may use: searches must keep to the minimum necessary area.</summary>
    public const double MaxRadiusMetres = 5000;

    /// <summary>Longest time range a search may cover.</summary>
    public static readonly Duration MaxRange = Duration.FromDays(31);

    /// <summary>Shortest acceptable statement of purpose, in characters.</summary>
    public const int MinPurposeLength = 10;

    /// <summary>One tag that was near.</summary>
    public sealed record Hit(TagId Tag, string? OffenderReference, Proximity Proximity);

    /// <summary>Runs and records a search.</summary>
    /// <exception cref="ArgumentException">No purpose, or the area or time range is too large or inverted.</exception>
    public async Task<(LocationSearch Search, IReadOnlyList<Hit> Hits)> RunAsync(GeoPoint point, double radiusMetres, Instant from, Instant to, string purpose, string requestedBy, CancellationToken cancellationToken = default)
    {
        Audit.StatedText.CheckLength(purpose, "purpose");
        if (string.IsNullOrWhiteSpace(purpose) || purpose.Trim().Length < MinPurposeLength)
        {
            throw new ArgumentException($"a purpose of at least {MinPurposeLength} characters is required (why this search is necessary)", nameof(purpose));
        }

        if (!double.IsFinite(radiusMetres) || radiusMetres <= 0 || radiusMetres > MaxRadiusMetres)
        {
            throw new ArgumentException($"radius must be more than 0 and at most {MaxRadiusMetres} m (the minimum necessary area)", nameof(radiusMetres));
        }

        if (to < from || to - from > MaxRange)
        {
            throw new ArgumentException($"the time range must run forwards and cover at most {MaxRange.TotalDays} days", nameof(to));
        }

        var search = new LocationSearch(Guid.NewGuid(), Instant.FromDateTimeOffset(clock.GetUtcNow()), requestedBy, purpose.Trim(), point, radiusMetres, from, to, null);
        await log.RecordAsync(search, cancellationToken);

        long fromMs = from.ToUnixTimeMilliseconds(), toMs = to.ToUnixTimeMilliseconds();
        var loaded = await trails.LoadAsync(from, to, keepFixes: false, cancellationToken: cancellationToken);
        var assignments = await tags.AssignmentsAsync(cancellationToken);
        var people = (await offenders.ListAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Reference.Value);
        var hits = new List<Hit>();
        foreach (var trail in loaded)
        {
            var near = Proximity.Scan(trail, point.Latitude, point.Longitude, radiusMetres, fromMs, toMs);
            if (near.Count == 0)
            {
                continue;
            }

            var closest = Instant.FromUnixTimeMilliseconds(near.ClosestTimeUnixMs);
            var wearer = assignments.FirstOrDefault(a => a.Tag == trail.Tag && a.Covers(closest));
            hits.Add(new Hit(trail.Tag, wearer is null ? null : people.GetValueOrDefault(wearer.Offender), near));
        }

        var recorded = search with { Results = hits.Count };
        await log.RecordAsync(recorded, cancellationToken);
        return (recorded, hits.OrderBy(h => h.Proximity.MinDistanceMetres).ThenBy(h => h.Tag.Value, StringComparer.Ordinal).ToList());
    }
}
