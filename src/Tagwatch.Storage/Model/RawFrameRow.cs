namespace Tagwatch.Storage.Model;

/// <summary>A device message's bytes as received, kept as evidence until retention removes them.</summary>
public sealed class RawFrameRow
{
    public long Id { get; set; }

    public int TagKey { get; set; }

    public long ReceivedUnixMs { get; set; }

    public required string Protocol { get; set; }

    public required byte[] Payload { get; set; }
}
