using NodaTime;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Geo;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Crimes;

/// <summary>Converts between crime rows and domain crimes.</summary>
internal static class CrimeRowMapping
{
    public static Crime ToCrime(this CrimeRow row) => new()
    {
        Force = row.Force,
        Reference = row.Reference,
        Version = row.Version,
        Category = Enum.Parse<CrimeCategory>(row.Category),
        CategoryCode = row.CategoryCode,
        CommittedFrom = Instant.FromUnixTimeMilliseconds(row.CommittedFromUnixMs),
        CommittedTo = Instant.FromUnixTimeMilliseconds(row.CommittedToUnixMs),
        Position = new GeoPoint(row.Latitude, row.Longitude),
        Grid = new GridPoint(row.Easting, row.Northing),
        ReceivedAsGrid = row.ReceivedAsGrid,
        LocationPrecisionMetres = row.LocationPrecisionMetres,
        BoroughCode = row.BoroughCode,
        BatchId = row.BatchId,
        Text = row.Text,
        Source = Enum.Parse<CrimeSource>(row.Source),
    };

    public static CrimeRow ToRow(this Crime crime, int version, long importedUnixMs) => new()
    {
        Force = crime.Force,
        Reference = crime.Reference,
        Version = version,
        IsCurrent = true,
        Category = crime.Category.ToString(),
        CategoryCode = crime.CategoryCode,
        CommittedFromUnixMs = crime.CommittedFrom.ToUnixTimeMilliseconds(),
        CommittedToUnixMs = crime.CommittedTo.ToUnixTimeMilliseconds(),
        Latitude = crime.Position.Latitude,
        Longitude = crime.Position.Longitude,
        Easting = crime.Grid.Easting,
        Northing = crime.Grid.Northing,
        ReceivedAsGrid = crime.ReceivedAsGrid,
        LocationPrecisionMetres = crime.LocationPrecisionMetres,
        BoroughCode = crime.BoroughCode,
        BatchId = crime.BatchId,
        Text = crime.Text,
        Source = crime.Source.ToString(),
        ImportedUnixMs = importedUnixMs,
    };
}
