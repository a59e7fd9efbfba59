namespace Tagwatch.Protocols.Devices;

/// <summary>An alarm or device event reported by a tag, in the product's terms rather than a vendor's.</summary>
public enum DeviceAlarm
{
    /// <summary>The wearer pressed the SOS button.</summary>
    Sos,

    /// <summary>The strap was cut, opened or removed from the ankle.</summary>
    StrapTamper,

    /// <summary>The device case was opened or interfered with.</summary>
    CaseTamper,

    /// <summary>The battery is low.</summary>
    LowBattery,

    /// <summary>External power was cut (for tags with a charging base, the charger was disconnected).</summary>
    PowerCut,

    /// <summary>The device is switching itself off.</summary>
    PowerOff,

    /// <summary>Shock or vibration detected.</summary>
    Vibration,

    /// <summary>The device's own speed limit was exceeded.</summary>
    Overspeed,

    /// <summary>A fall was detected.</summary>
    FallDown,

    /// <summary>The device's own (on-board) geofence was entered or left; Tagwatch's zones are evaluated on the server.</summary>
    DeviceGeofence,

    /// <summary>An alarm the device flagged without a kind Tagwatch recognises.</summary>
    Other,
}
