namespace Tagwatch.Storage.Model;

/// <summary>A UTC day that has (or had) fix chunks, with a version that changes whenever any of its chunks does.</summary>
/// <remarks>Maintained by triggers on <c>fix_chunks</c> — whatever writes or deletes chunks, in the same transaction —
/// so a day grid built from one version can be trusted exactly while the version stands. The version is random, not
/// counted, so a database restored from a backup never re-issues a version a grid was built from.</remarks>
public sealed class FixDayRow
{
    /// <summary>UTC day number since the Unix epoch.</summary>
    public int Day { get; set; }

    public long Version { get; set; }
}
