using Microsoft.Extensions.Logging;
using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Protocols.Devices;

namespace Tagwatch.Server.Devices;

/// <summary>The TCP listener of one framed protocol of <see cref="DeviceProtocols"/> (GT06, H02…): its framer cuts the
/// stream, a decoder per connection reads the frames (a GT06 connection logs in with its IMEI, then reports).</summary>
public sealed class DeviceConnectionHandler(
    DeviceProtocol protocol, IngestPipeline pipeline, ConnectionGate gate, ServerOptions options, TimeProvider clock, ILogger<DeviceConnectionHandler> logger)
    : FramedDeviceConnectionHandler(pipeline, gate, options, clock, logger)
{
    private readonly FrameScanner _scan = (protocol.CreateFramer ?? throw new ArgumentException($"{protocol.Name} has no framer", nameof(protocol)))(
        new FramerOptions(options.H02BinaryLength));

    /// <inheritdoc />
    protected override string Protocol => protocol.Name;

    /// <inheritdoc />
    protected override FrameScan Scan(ReadOnlySpan<byte> buffer) => _scan(buffer);

    /// <inheritdoc />
    protected override Func<byte[], Instant, DecodeResult> CreateDecoder()
    {
        var decode = protocol.CreateDecoder!();
        return (frame, received) => decode(frame, received);
    }
}
