namespace Tagwatch.Storage.Model;

/// <summary>A window in which a condition raises no alerts, with the reason.</summary>
public sealed class ConditionSuspensionRow
{
    public long Id { get; set; }

    public long ConditionId { get; set; }

    public long FromUnixMs { get; set; }

    public long ToUnixMs { get; set; }

    public required string Reason { get; set; }

    public required string By { get; set; }
}
