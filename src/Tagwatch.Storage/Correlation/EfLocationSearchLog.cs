using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Core.Geo;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Correlation;

/// <summary>The location-search record on the relational store.</summary>
public sealed class EfLocationSearchLog(IRelationalDatabase database) : ILocationSearchLog
{
    /// <inheritdoc />
    public async Task RecordAsync(LocationSearch search, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.LocationSearches.SingleOrDefaultAsync(s => s.Id == search.Id, cancellationToken);
        if (row is null)
        {
            context.LocationSearches.Add(new LocationSearchRow
            {
                Id = search.Id,
                AtUnixMs = search.At.ToUnixTimeMilliseconds(),
                RequestedBy = search.RequestedBy,
                Purpose = search.Purpose,
                Latitude = search.Point.Latitude,
                Longitude = search.Point.Longitude,
                RadiusMetres = search.RadiusMetres,
                FromUnixMs = search.From.ToUnixTimeMilliseconds(),
                ToUnixMs = search.To.ToUnixTimeMilliseconds(),
                Results = search.Results,
            });
        }
        else
        {
            row.Results = search.Results;
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LocationSearch>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.LocationSearches.AsNoTracking().OrderByDescending(s => s.AtUnixMs).ToListAsync(cancellationToken);
        return rows.Select(r => new LocationSearch(r.Id, Instant.FromUnixTimeMilliseconds(r.AtUnixMs), r.RequestedBy, r.Purpose, new GeoPoint(r.Latitude, r.Longitude),
            r.RadiusMetres, Instant.FromUnixTimeMilliseconds(r.FromUnixMs), Instant.FromUnixTimeMilliseconds(r.ToUnixMs), r.Results)).ToList();
    }
}
