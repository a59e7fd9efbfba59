using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Core.Text;
using Tagwatch.Protocols.Devices;

namespace Tagwatch.Server.Devices;

/// <summary>Serves one device TCP connection of a framed protocol: frames → decode → group commit → acknowledge.</summary>
/// <remarks>
/// Every complete frame in hand is decoded and submitted together, so a device emptying its buffer after an outage is
/// stored in one commit; answers go back in order, each only once its message is durable. Corrupt bytes are skipped
/// (the framer resynchronises) and logged; an idle connection, a flood of frames or of garbage closes the connection
/// without touching anyone else's.
/// </remarks>
public abstract partial class FramedDeviceConnectionHandler(IngestPipeline pipeline, ConnectionGate gate, ServerOptions options, TimeProvider clock, ILogger logger) : ConnectionHandler
{
    private const int MaxGarbageBytes = 64 * 1024;
    private const int MaxScanBytes = 4096;

    /// <summary>Protocol name, for logs.</summary>
    protected abstract string Protocol { get; }

    /// <summary>Looks for a frame at the start of the buffer.</summary>
    protected abstract FrameScan Scan(ReadOnlySpan<byte> buffer);

    /// <summary>A decoder for one connection (GT06 remembers its login).</summary>
    protected abstract Func<byte[], Instant, DecodeResult> CreateDecoder();

    /// <summary>The server's options.</summary>
    protected ServerOptions Options => options;

    /// <inheritdoc />
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        string remote = connection.RemoteEndPoint?.ToString() ?? "unknown";
        var address = (connection.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        using var lease = gate.TryEnter(address);
        if (lease is null)
        {
            LogTooManyConnections(Protocol, remote);
            connection.Abort();
            return;
        }

        var state = new ConnectionState(CreateDecoder(), remote, (connection.LocalEndPoint as IPEndPoint)?.Port);
        try
        {
            await ServeAsync(connection.Transport, state, connection.ConnectionClosed);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ConnectionResetException or IOException)
        {
            // The device went away; nothing of it is pending that was promised.
        }
        finally
        {
            LogClosed(Protocol, remote, state.DeviceId, state.Frames, state.Reason);
        }
    }

    private async Task ServeAsync(IDuplexPipe transport, ConnectionState state, CancellationToken closed)
    {
        var minute = clock.GetTimestamp();
        while (true)
        {
            // Not cancelled by the connection closing: a device that sends and hangs up still has its frames read
            // (the input completes instead), and they are stored even though no answer can reach it.
            using var idle = new CancellationTokenSource(options.DeviceIdleTimeout);
            ReadResult read;
            try
            {
                read = await transport.Input.ReadAsync(idle.Token);
            }
            catch (OperationCanceledException)
            {
                state.Reason = "idle timeout";
                return;
            }

            var buffer = read.Buffer;
            var frames = TakeFrames(ref buffer, state);
            transport.Input.AdvanceTo(buffer.Start, buffer.End);
            if (state.Reason is not null)
            {
                return;
            }

            if (frames.Count > 0)
            {
                await HandleFramesAsync(frames, transport.Output, state, closed);
            }

            if (clock.GetElapsedTime(minute) > TimeSpan.FromMinutes(1))
            {
                minute = clock.GetTimestamp();
                state.FramesThisMinute = 0;
            }

            if (state.FramesThisMinute > options.MaxFramesPerMinute)
            {
                state.Reason = $"flood: more than {options.MaxFramesPerMinute} frames in a minute";
                return;
            }

            if (read.IsCompleted)
            {
                state.Reason ??= "closed by device";
                return;
            }
        }
    }

    private List<byte[]> TakeFrames(ref ReadOnlySequence<byte> buffer, ConnectionState state)
    {
        var frames = new List<byte[]>();
        while (buffer.Length > 0)
        {
            var window = buffer.Length <= MaxScanBytes ? buffer : buffer.Slice(0, MaxScanBytes);
            var scan = window.IsSingleSegment ? Scan(window.FirstSpan) : Scan(window.ToArray());
            if (scan.Status == FrameScanStatus.NeedMore)
            {
                if (buffer.Length >= MaxScanBytes)
                {
                    state.Reason = $"no frame in the first {MaxScanBytes} bytes";
                }

                break;
            }

            if (scan.Status == FrameScanStatus.Skip)
            {
                state.GarbageBytes += scan.Length;
                LogSkipped(Protocol, state.Remote, scan.Length, scan.Reason);
                buffer = buffer.Slice(scan.Length);
                if (state.GarbageBytes > MaxGarbageBytes)
                {
                    state.Reason = $"more than {MaxGarbageBytes} bytes that are not frames";
                    break;
                }

                continue;
            }

            frames.Add(buffer.Slice(0, scan.Length).ToArray());
            buffer = buffer.Slice(scan.Length);
        }

        state.Frames += frames.Count;
        state.FramesThisMinute += frames.Count;
        return frames;
    }

    private async Task HandleFramesAsync(List<byte[]> frames, PipeWriter output, ConnectionState state, CancellationToken closed)
    {
        var received = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var messages = new List<IngestMessage>(frames.Count);
        foreach (var frame in frames)
        {
            var result = state.Decode(frame, received);
            if (!result.IsSuccess)
            {
                // Device text reaches the log escaped: a control sequence in it must not act on an operator's terminal.
                string error = PrintableText.Escape(result.Error)!, hex = Convert.ToHexString(frame.AsSpan(0, Math.Min(frame.Length, 64)));
                LogUndecodable(Protocol, state.Remote, error, hex);
                continue;
            }

            var message = result.Message!;
            if (!message.ChecksumValid && options.BadChecksum == BadChecksumPolicy.Reject)
            {
                string? device = PrintableText.Escape(message.DeviceId);
                LogBadChecksum(Protocol, state.Remote, device);
                continue;
            }

            state.DeviceId = PrintableText.Escape(message.DeviceId) ?? state.DeviceId; // for the log only
            messages.Add(new IngestMessage(message, received, frame, state.Remote, state.LocalPort));
        }

        if (messages.Count == 0)
        {
            return;
        }

        var outcomes = await pipeline.SubmitManyAsync(messages, CancellationToken.None);
        for (int i = 0; i < messages.Count; i++)
        {
            if (outcomes[i].IsStored && messages[i].Message.Response is { } response)
            {
                await output.WriteAsync(response, closed);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Protocol}: refused connection from {Remote}: too many connections from that address")]
    private partial void LogTooManyConnections(string protocol, string remote);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Protocol}: connection {Remote} (device {DeviceId}) closed after {Frames} frames: {Reason}")]
    private partial void LogClosed(string protocol, string remote, string? deviceId, long frames, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Protocol}: skipped {Bytes} bytes from {Remote}: {Reason}")]
    private partial void LogSkipped(string protocol, string remote, int bytes, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Protocol}: undecodable frame from {Remote}: {Error} ({Hex})")]
    private partial void LogUndecodable(string protocol, string remote, string error, string hex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Protocol}: rejected frame with a bad checksum from {Remote} (device {DeviceId})")]
    private partial void LogBadChecksum(string protocol, string remote, string? deviceId);

    private sealed class ConnectionState(Func<byte[], Instant, DecodeResult> decode, string remote, int? localPort)
    {
        public int? LocalPort { get; } = localPort;

        public Func<byte[], Instant, DecodeResult> Decode { get; } = decode;

        public string Remote { get; } = remote;

        public string? DeviceId { get; set; }

        public long Frames { get; set; }

        public int FramesThisMinute { get; set; }

        public long GarbageBytes { get; set; }

        public string? Reason { get; set; }
    }
}
