namespace Tagwatch.Protocols.Devices;

/// <summary>One decoded message from a device: its positions, alarms and status, and what to answer it.</summary>
/// <remarks>
/// <see cref="Response"/> is sent only after the message's fixes are durable: a device that gets its
/// acknowledgement may forget the fix, so the acknowledgement is the promise that Tagwatch kept it.
/// </remarks>
public sealed record DeviceMessage
{
    /// <summary>Protocol name: <c>gt06</c>, <c>h02</c>, <c>osmand</c> or <c>nmea</c>.</summary>
    public required string Protocol { get; init; }

    /// <summary>Message kind in the protocol's terms, e.g. <c>login</c>, <c>location</c>, <c>alarm</c>, <c>heartbeat</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The device identifier (IMEI or vendor ID) the message carries or its connection logged in with.</summary>
    public string? DeviceId { get; init; }

    /// <summary>Positions reported.</summary>
    public IReadOnlyList<DecodedPosition> Positions { get; init; } = [];

    /// <summary>Alarms and device events reported.</summary>
    public IReadOnlyList<DeviceAlarm> Alarms { get; init; } = [];

    /// <summary>Battery level in percent, when reported.</summary>
    public int? BatteryPercent { get; init; }

    /// <summary>External power or battery voltage in volts, when reported.</summary>
    public double? PowerVolts { get; init; }

    /// <summary>The tag's own battery voltage in volts, when the device reports a voltage rather than a percentage.</summary>
    public double? BatteryVolts { get; init; }

    /// <summary>Whether the device is charging, when reported.</summary>
    public bool? Charging { get; init; }

    /// <summary>False when the frame's checksum did not match (the message was still decoded).</summary>
    public bool ChecksumValid { get; init; } = true;

    /// <summary>The device's message serial number, when the protocol has one.</summary>
    public int? Serial { get; init; }

    /// <summary>Bytes to send back once the message is durably handled, if the protocol expects an answer.</summary>
    public byte[]? Response { get; init; }

    /// <summary>Anything the support engineer should know, e.g. a message type that carries nothing Tagwatch uses.</summary>
    public string? Note { get; init; }
}
