using Microsoft.Extensions.Logging;
using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Protocols.Devices;
using Tagwatch.Protocols.Devices.Gt06;

namespace Tagwatch.Server.Devices;

/// <summary>The GT06 TCP listener: a connection logs in with its IMEI, then reports; each message is acknowledged once durable.</summary>
public sealed class Gt06ConnectionHandler(IngestPipeline pipeline, ConnectionGate gate, ServerOptions options, TimeProvider clock, ILogger<Gt06ConnectionHandler> logger)
    : FramedDeviceConnectionHandler(pipeline, gate, options, clock, logger)
{
    /// <inheritdoc />
    protected override string Protocol => Gt06Decoder.ProtocolName;

    /// <inheritdoc />
    protected override FrameScan Scan(ReadOnlySpan<byte> buffer) => Gt06Framer.Scan(buffer);

    /// <inheritdoc />
    protected override Func<byte[], Instant, DecodeResult> CreateDecoder()
    {
        var decoder = new Gt06Decoder();
        return (frame, received) => decoder.Decode(frame, received);
    }
}
