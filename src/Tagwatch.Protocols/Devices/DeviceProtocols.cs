using Tagwatch.Protocols.Devices.Gt06;
using Tagwatch.Protocols.Devices.H02;
using Tagwatch.Protocols.Devices.OsmAnd;

namespace Tagwatch.Protocols.Devices;

/// <summary>The device protocols Tagwatch speaks. The server's listeners, the <c>decode</c> command, its option parser
/// and device admission all read this list, so a protocol is added here and nowhere else (beside its framer and decoder).</summary>
public static class DeviceProtocols
{
    /// <summary>GT06 (Concox and compatible trackers): binary frames over TCP, a login naming the device first.</summary>
    public static readonly DeviceProtocol Gt06 = new()
    {
        Name = Gt06Decoder.ProtocolName,
        Label = "GT06",
        Transport = DeviceTransport.TcpFramed,
        DefaultPort = 5023,
        CaptureDescription = "hex",
        CreateFramer = _ => Gt06Framer.Scan,
        CreateDecoder = () => new Gt06Decoder().Decode,
        CreateCaptureDecoder = () => CapturedFrames.Decoder(CapturedFrames.Hex, Gt06Framer.Scan, new Gt06Decoder().Decode),
        IsDeviceId = IsNumericDeviceId,
    };

    /// <summary>H02: text (<c>*HQ,…#</c>) and binary location messages over TCP, each naming its device.</summary>
    public static readonly DeviceProtocol H02 = new()
    {
        Name = H02Decoder.ProtocolName,
        Label = "H02",
        Transport = DeviceTransport.TcpFramed,
        DefaultPort = 5013,
        CaptureDescription = "text, or hex for binary",
        CreateFramer = options => buffer => H02Framer.Scan(buffer, options.H02BinaryLength),
        CreateDecoder = () => H02Decoder.Decode,
        CreateCaptureDecoder = () => CapturedFrames.Decoder(CapturedFrames.TextOrHex("*", "a text message (*…#)"), buffer => H02Framer.Scan(buffer), H02Decoder.Decode),
        IsDeviceId = IsNumericDeviceId,
    };

    /// <summary>OsmAnd (Traccar Client and compatible trackers): HTTP GET/POST with parameters, or a JSON body.</summary>
    public static readonly DeviceProtocol OsmAnd = new()
    {
        Name = OsmAndDecoder.ProtocolName,
        Label = "OsmAnd",
        Transport = DeviceTransport.Http,
        DefaultPort = 5055,
        CaptureDescription = "request line, URL or JSON body",
        CreateCaptureDecoder = () => (payload, received) => [OsmAndDecoder.DecodeCaptured(payload, received)],
    };

    /// <summary>NMEA 0183 sentences: not served, read from captures (and imported as files).</summary>
    public static readonly DeviceProtocol Nmea = new()
    {
        Name = "nmea",
        Label = "NMEA",
        Transport = DeviceTransport.None,
        CaptureDescription = "a sentence",
        CreateCaptureDecoder = () => CapturedNmea.Decode,
    };

    /// <summary>Every protocol, in the order they are listed to people.</summary>
    public static readonly IReadOnlyList<DeviceProtocol> All = [Gt06, H02, OsmAnd, Nmea];

    /// <summary>Every protocol the server listens for.</summary>
    public static IEnumerable<DeviceProtocol> Served => All.Where(p => p.IsServed);

    /// <summary>The protocol named <paramref name="name"/> (any case), or null.</summary>
    public static DeviceProtocol? Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>GT06 and H02 identifiers are 5 to 20 digits (an IMEI, or a vendor's 10-digit ID).</summary>
    private static bool IsNumericDeviceId(string id) => id.Length is >= 5 and <= 20 && id.All(char.IsAsciiDigit);
}
