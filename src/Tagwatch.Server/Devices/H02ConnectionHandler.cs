using Microsoft.Extensions.Logging;
using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Protocols.Devices;
using Tagwatch.Protocols.Devices.H02;

namespace Tagwatch.Server.Devices;

/// <summary>The H02 TCP listener: text and binary location messages, each naming its device.</summary>
public sealed class H02ConnectionHandler(IngestPipeline pipeline, ConnectionGate gate, ServerOptions options, TimeProvider clock, ILogger<H02ConnectionHandler> logger)
    : FramedDeviceConnectionHandler(pipeline, gate, options, clock, logger)
{
    /// <inheritdoc />
    protected override string Protocol => H02Decoder.ProtocolName;

    /// <inheritdoc />
    protected override FrameScan Scan(ReadOnlySpan<byte> buffer) => H02Framer.Scan(buffer, Options.H02BinaryLength);

    /// <inheritdoc />
    protected override Func<byte[], Instant, DecodeResult> CreateDecoder() => (frame, received) => H02Decoder.Decode(frame, received);
}
