namespace Tagwatch.Storage.Model;

/// <summary>One step in an alert's trail.</summary>
public sealed class AlertHistoryRow
{
    public long Id { get; set; }

    public long AlertId { get; set; }

    public long AtUnixMs { get; set; }

    public required string Action { get; set; }

    public required string By { get; set; }

    public required string Note { get; set; }
}
