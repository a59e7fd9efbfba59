namespace Tagwatch.Application.Retention;

/// <summary>What one retention run deleted (or, for a dry run, would delete).</summary>
public sealed record RetentionCounts(long FixChunks, long DeviceEvents, long RawFrames, long Alerts, long Matches, long Crimes, long LocationSearches, long AuditRecords)
{
    /// <summary>People whose records were erased (their identity period after monitoring ended had run).</summary>
    public long People { get; init; }

    public long Total => FixChunks + DeviceEvents + RawFrames + Alerts + Matches + Crimes + LocationSearches + AuditRecords + People;

    public override string ToString() =>
        $"fix chunks (tag-days) {FixChunks}; device events {DeviceEvents}; raw frames and blocks {RawFrames}; alerts {Alerts}; matches {Matches}; crimes {Crimes}; people {People}; location searches {LocationSearches}; audit records {AuditRecords}";
}
