namespace Tagwatch.Storage.Model;

/// <summary>An alert for the monitoring centre.</summary>
public sealed class AlertRow
{
    public long Id { get; set; }

    public required string Type { get; set; }

    public required string Severity { get; set; }

    public required string State { get; set; }

    public required string DeviceId { get; set; }

    public Guid? OffenderId { get; set; }

    public long? ConditionId { get; set; }

    public long StartUnixMs { get; set; }

    public long? EndUnixMs { get; set; }

    public long RaisedUnixMs { get; set; }

    public required string Summary { get; set; }

    public required string Evidence { get; set; }

    public int Repeats { get; set; }

    /// <summary>Bumped by every change; a change made from an older read is refused (a concurrency token), so two
    /// writers — two operators, or an operator and the monitor — never overwrite each other unseen.</summary>
    public long Version { get; set; }
}
