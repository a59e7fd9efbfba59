namespace Tagwatch.Protocols.Devices;

/// <summary>The outcome of decoding one frame or request: a message, or the reason it could not be decoded.</summary>
public readonly record struct DecodeResult(DeviceMessage? Message, string? Error)
{
    /// <summary>True when a message was decoded.</summary>
    public bool IsSuccess => Message is not null;

    /// <summary>A decoded message.</summary>
    public static DecodeResult Ok(DeviceMessage message) => new(message, null);

    /// <summary>A frame that could not be decoded, with the reason.</summary>
    public static DecodeResult Fail(string error) => new(null, error);
}
