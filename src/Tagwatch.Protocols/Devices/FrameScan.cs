namespace Tagwatch.Protocols.Devices;

/// <summary>What a stream framer found at the start of its buffer.</summary>
public enum FrameScanStatus
{
    /// <summary>The buffer holds the start of a frame but not all of it yet.</summary>
    NeedMore,

    /// <summary>A whole frame of <see cref="FrameScan.Length"/> bytes starts the buffer.</summary>
    Frame,

    /// <summary>The first <see cref="FrameScan.Length"/> bytes are not a frame and must be skipped.</summary>
    Skip,
}

/// <summary>The result of looking for a frame at the start of a stream buffer.</summary>
public readonly record struct FrameScan(FrameScanStatus Status, int Length, string? Reason = null)
{
    /// <summary>Wait for more bytes.</summary>
    public static FrameScan NeedMore => new(FrameScanStatus.NeedMore, 0);

    /// <summary>A whole frame.</summary>
    public static FrameScan Whole(int length) => new(FrameScanStatus.Frame, length);

    /// <summary>Bytes to drop, with why.</summary>
    public static FrameScan SkipBytes(int length, string reason) => new(FrameScanStatus.Skip, length, reason);
}
