using NodaTime;

namespace Tagwatch.Protocols.Devices;

/// <summary>Decodes captured payloads as a support engineer pastes them, in the form each protocol of
/// <see cref="DeviceProtocols"/> describes (<see cref="DeviceProtocol.CaptureDescription"/>).</summary>
/// <remarks>
/// One instance stands for one device connection: a GT06 login decoded first names the device for the payloads after
/// it. A payload holding several frames gives a result per frame; bytes that are not a frame give an error result.
/// </remarks>
public sealed class CapturedPayloadDecoder
{
    /// <summary>Protocols this decoder reads: every one in <see cref="DeviceProtocols.All"/>.</summary>
    public static readonly IReadOnlyList<string> Protocols = [.. DeviceProtocols.All.Select(p => p.Name)];

    private readonly CaptureDecoder _decode;

    /// <summary>A decoder for <paramref name="protocol"/>, one of <see cref="Protocols"/>.</summary>
    public CapturedPayloadDecoder(string protocol)
    {
        var found = DeviceProtocols.Find(protocol)
            ?? throw new ArgumentException($"protocol '{protocol}' is not one of {string.Join(", ", Protocols)}", nameof(protocol));
        _decode = found.CreateCaptureDecoder();
    }

    /// <summary>Decodes one payload received at <paramref name="received"/>.</summary>
    public IReadOnlyList<DecodeResult> Decode(string payload, Instant received) => _decode(payload.Trim(), received);
}
