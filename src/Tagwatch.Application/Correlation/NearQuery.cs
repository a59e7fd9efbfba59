using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Application.Correlation;

/// <summary>Ad hoc search: which tags had a fix within a radius of a place during a time range. The purpose is required
/// and the search is recorded before it runs, so even an abandoned search leaves its trace.</summary>
/// <remarks>Answered from the fix store's day grids (the strict engine's index): every stored fix counts, as in strict
/// mode, and only the cells around the place are read, so a month-long search costs milliseconds, not a read of every
/// trail. A day whose fixes changed since its grid was built (the live day) is built again first.</remarks>
public sealed class NearQuery(IFixGrids grids, ITagDirectory tags, IOffenderStore offenders, ILocationSearchLog log, TimeProvider clock)
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
        List<(TagId Tag, Proximity Near)> found;
        using (var grid = await grids.LoadAsync(from, to, cancellationToken))
        {
            found = grid.Near(point.Latitude, point.Longitude, radiusMetres, fromMs, toMs).Select(n => (grid.Tags[n.Tag], n.Proximity)).ToList();
        }

        var assignments = await tags.MonitoredAssignmentsAsync(cancellationToken);
        var people = (await offenders.ListAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Reference.Value);
        var hits = new List<Hit>(found.Count);
        foreach (var (tag, near) in found)
        {
            var closest = Instant.FromUnixTimeMilliseconds(near.ClosestTimeUnixMs);
            var wearer = assignments.FirstOrDefault(a => a.Tag == tag && a.Covers(closest));
            hits.Add(new Hit(tag, wearer is null ? null : people.GetValueOrDefault(wearer.Offender), near));
        }

        var recorded = search with { Results = hits.Count };
        await log.RecordAsync(recorded, cancellationToken);
        return (recorded, hits.OrderBy(h => h.Proximity.MinDistanceMetres).ThenBy(h => h.Tag.Value, StringComparer.Ordinal).ToList());
    }
}
