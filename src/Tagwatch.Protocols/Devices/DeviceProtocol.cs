using NodaTime;

namespace Tagwatch.Protocols.Devices;

/// <summary>How devices of a protocol reach the server.</summary>
public enum DeviceTransport
{
    /// <summary>A TCP port of its own, a stream of frames cut by the protocol's framer.</summary>
    TcpFramed,

    /// <summary>An HTTP port of its own, one request per message.</summary>
    Http,

    /// <summary>Not served: a format read only from captures and imports (NMEA).</summary>
    None,
}

/// <summary>Looks for a frame at the start of a stream buffer.</summary>
public delegate FrameScan FrameScanner(ReadOnlySpan<byte> buffer);

/// <summary>Decodes one whole frame received at <paramref name="received"/>.</summary>
public delegate DecodeResult FrameDecoder(ReadOnlySpan<byte> frame, Instant received);

/// <summary>Decodes one payload as a support engineer pastes it (hex, text, a request line); a result per frame in it.</summary>
public delegate IReadOnlyList<DecodeResult> CaptureDecoder(string payload, Instant received);

/// <summary>What the framer of a stream protocol may need to know from the server's configuration.</summary>
/// <param name="H02BinaryLength">Length of H02 binary messages (32 or 45) when known; 0 to detect it.</param>
public sealed record FramerOptions(int H02BinaryLength = 0);

/// <summary>One device protocol: everything the server's listeners, the <c>decode</c> command and device admission need
/// to know of it. Adding a protocol is one entry in <see cref="DeviceProtocols"/> plus its framer and decoder.</summary>
public sealed record DeviceProtocol
{
    /// <summary>The name tags are registered under, messages carry and <c>decode --protocol</c> takes: <c>gt06</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The name people know it by, for logs and listings: <c>GT06</c>.</summary>
    public required string Label { get; init; }

    /// <summary>How its devices reach the server.</summary>
    public required DeviceTransport Transport { get; init; }

    /// <summary>The port it is served on unless configured otherwise (0 when it is not served).</summary>
    public int DefaultPort { get; init; }

    /// <summary>What a captured payload of it looks like, for <c>decode</c>'s help and errors.</summary>
    public required string CaptureDescription { get; init; }

    /// <summary>A framer for one connection (<see cref="DeviceTransport.TcpFramed"/> only).</summary>
    public Func<FramerOptions, FrameScanner>? CreateFramer { get; init; }

    /// <summary>A decoder for one connection; one instance may remember state (a GT06 login names the device for the
    /// frames after it). <see cref="DeviceTransport.TcpFramed"/> only.</summary>
    public Func<FrameDecoder>? CreateDecoder { get; init; }

    /// <summary>A decoder of captured payloads, one instance standing for one device connection.</summary>
    public required Func<CaptureDecoder> CreateCaptureDecoder { get; init; }

    /// <summary>Whether a device identifier has this protocol's syntax (any tag identifier unless the protocol says more).</summary>
    public Func<string, bool> IsDeviceId { get; init; } = _ => true;

    /// <summary>Whether the server listens for it.</summary>
    public bool IsServed => Transport != DeviceTransport.None;
}
