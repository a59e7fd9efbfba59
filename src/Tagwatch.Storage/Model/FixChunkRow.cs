namespace Tagwatch.Storage.Model;

/// <summary>One compressed chunk of a tag's fixes for one UTC day, with its time range and bounding box.</summary>
/// <remarks>Written and read by the fix store with plain SQL for speed; mapped here so migrations own the schema.</remarks>
public sealed class FixChunkRow
{
    public long Id { get; set; }

    public int TagKey { get; set; }

    /// <summary>UTC day number since the Unix epoch.</summary>
    public int Day { get; set; }

    public long StartUnixMs { get; set; }

    public long EndUnixMs { get; set; }

    public int MinLatitudeE7 { get; set; }

    public int MaxLatitudeE7 { get; set; }

    public int MinLongitudeE7 { get; set; }

    public int MaxLongitudeE7 { get; set; }

    public int Count { get; set; }

    public required byte[] Data { get; set; }
}
