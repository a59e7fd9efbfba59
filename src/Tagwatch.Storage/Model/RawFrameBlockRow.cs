namespace Tagwatch.Storage.Model;

/// <summary>A tag-day of raw frames packed into one compressed block once the day is over.</summary>
public sealed class RawFrameBlockRow
{
    public long Id { get; set; }

    public int TagKey { get; set; }

    public int Day { get; set; }

    public long FirstReceivedUnixMs { get; set; }

    public long LastReceivedUnixMs { get; set; }

    public int Count { get; set; }

    public required byte[] Data { get; set; }
}
