namespace Tagwatch.Storage.Model;

/// <summary>A legal hold on a person's data; standing while <see cref="LiftedUnixMs"/> is null.</summary>
public sealed class LegalHoldRow
{
    public long Id { get; set; }

    public required string OffenderReference { get; set; }

    public required string Reason { get; set; }

    public required string PlacedBy { get; set; }

    public long PlacedUnixMs { get; set; }

    public long? LiftedUnixMs { get; set; }

    public string? LiftedBy { get; set; }
}
