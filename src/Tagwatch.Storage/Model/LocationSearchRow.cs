namespace Tagwatch.Storage.Model;

/// <summary>A recorded ad hoc location search.</summary>
public sealed class LocationSearchRow
{
    public Guid Id { get; set; }

    public long AtUnixMs { get; set; }

    public required string RequestedBy { get; set; }

    public required string Purpose { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public double RadiusMetres { get; set; }

    public long FromUnixMs { get; set; }

    public long ToUnixMs { get; set; }

    public int? Results { get; set; }
}
