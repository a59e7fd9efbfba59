namespace Tagwatch.Storage.Model;

/// <summary>One version of a matchable crime; the newest version of a (force, reference) has <see cref="IsCurrent"/> set.</summary>
public sealed class CrimeRow
{
    public long Id { get; set; }

    public required string Force { get; set; }

    public required string Reference { get; set; }

    public int Version { get; set; }

    public bool IsCurrent { get; set; }

    public required string Category { get; set; }

    public required string CategoryCode { get; set; }

    public long CommittedFromUnixMs { get; set; }

    public long CommittedToUnixMs { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public double Easting { get; set; }

    public double Northing { get; set; }

    public bool ReceivedAsGrid { get; set; }

    public double LocationPrecisionMetres { get; set; }

    public string? BoroughCode { get; set; }

    public string? BatchId { get; set; }

    public required string Text { get; set; }

    public required string Source { get; set; }

    public long ImportedUnixMs { get; set; }
}
