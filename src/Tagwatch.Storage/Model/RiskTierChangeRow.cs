namespace Tagwatch.Storage.Model;

/// <summary>One entry of a person's risk-tier history.</summary>
public sealed class RiskTierChangeRow
{
    public long Id { get; set; }

    public Guid OffenderId { get; set; }

    public required string Tier { get; set; }

    public required string EffectiveFrom { get; set; }

    public required string Reason { get; set; }

    public long RecordedUnixMs { get; set; }
}
