using System.Globalization;
using System.Text.Json;
using System.Web;
using NodaTime;

namespace Tagwatch.Protocols.Devices.OsmAnd;

/// <summary>Decodes the OsmAnd HTTP protocol (Traccar Client and many trackers): query or form parameters, or the JSON body.</summary>
/// <remarks>
/// Parameters: <c>id</c>/<c>deviceid</c>; <c>lat</c>+<c>lon</c> or <c>location=lat,lon</c>; <c>timestamp</c> as Unix
/// seconds (below 2^31) or milliseconds, ISO-8601, or <c>yyyy-MM-dd HH:mm:ss</c> (UTC); <c>speed</c> in knots;
/// <c>bearing</c>/<c>heading</c>; <c>altitude</c>; <c>accuracy</c> (metres) or <c>hdop</c> (ingest estimates the radius); <c>batt</c>;
/// <c>charge</c>; <c>valid</c>; repeatable <c>cell</c> and <c>wifi</c> (counted, not geolocated). Other parameters are ignored.
/// The JSON variant has <c>device_id</c> and <c>location</c> (one object or an array of them) with <c>timestamp</c>,
/// <c>coords</c> (speed in m/s, negative values meaning unknown) and <c>battery.level</c> from 0 to 1.
/// A request without a timestamp takes the received time (<see cref="DecodedPosition.TimeAssumed"/>).
/// </remarks>
public static class OsmAndDecoder
{
    /// <summary>Protocol name used in messages and tag records.</summary>
    public const string ProtocolName = "osmand";

    private const double KnotsToKmh = 1.852;

    /// <summary>Decodes a request's query or form parameters.</summary>
    public static DecodeResult DecodeParameters(IEnumerable<KeyValuePair<string, string?>> parameters, Instant received)
    {
        try
        {
            return DecodeResult.Ok(FromParameters(parameters, received));
        }
        catch (FrameFormatException e)
        {
            return DecodeResult.Fail(e.Message);
        }
    }

    /// <summary>Decodes a captured request: a request line (<c>GET /?id=… HTTP/1.1</c>), a URL, a path with query, a bare query string, or a JSON body.</summary>
    public static DecodeResult DecodeCaptured(string payload, Instant received)
    {
        string text = payload.Trim();
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            return DecodeJson(System.Text.Encoding.UTF8.GetBytes(text), received);
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && parts[0] is "GET" or "POST")
        {
            text = parts[1];
        }

        int query = text.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            text = text[(query + 1)..];
        }

        var collection = HttpUtility.ParseQueryString(text);
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (string? key in collection.AllKeys)
        {
            foreach (string value in collection.GetValues(key) ?? [])
            {
                pairs.Add(new(key ?? "", value));
            }
        }

        return DecodeParameters(pairs, received);
    }

    /// <summary>Decodes the JSON variant's body.</summary>
    public static DecodeResult DecodeJson(ReadOnlySpan<byte> body, Instant received)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            return DecodeResult.Ok(FromJson(document.RootElement, received));
        }
        catch (JsonException e)
        {
            return DecodeResult.Fail($"body is not valid JSON: {e.Message}");
        }
        catch (FrameFormatException e)
        {
            return DecodeResult.Fail(e.Message);
        }
    }

    private static DeviceMessage FromParameters(IEnumerable<KeyValuePair<string, string?>> parameters, Instant received)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int cells = 0, wifi = 0;
        foreach (var (key, value) in parameters)
        {
            switch (key.ToLowerInvariant())
            {
                case "cell":
                    cells++;
                    break;
                case "wifi":
                    wifi++;
                    break;
                default:
                    values.TryAdd(key, value ?? "");
                    break;
            }
        }

        string? id = Get(values, "id") ?? Get(values, "deviceid");
        if (id is null)
        {
            throw new FrameFormatException("no device identifier: parameter 'id' or 'deviceid' is required");
        }

        string? latText = Get(values, "lat"), lonText = Get(values, "lon");
        if (Get(values, "location") is { } location)
        {
            var pair = location.Split(',');
            if (pair.Length != 2)
            {
                throw new FrameFormatException($"location '{location}' is not 'lat,lon'");
            }

            (latText, lonText) = (pair[0], pair[1]);
        }

        string? note = cells + wifi > 0 ? $"{cells} cell and {wifi} Wi-Fi observations not geolocated" : null;
        var message = new DeviceMessage
        {
            Protocol = ProtocolName,
            Kind = "location",
            DeviceId = id,
            BatteryPercent = Get(values, "batt") is { } batt ? (int)Math.Round(Number(batt, "batt", 0, 100)) : null,
            Charging = Get(values, "charge") is { } charge ? Flag(charge, "charge") : null,
            Note = note,
        };
        if (latText is null || lonText is null)
        {
            return message with { Note = note ?? "no position (lat and lon are missing)" };
        }

        string? timestamp = Get(values, "timestamp");
        double? hdop = Optional(values, "hdop", 0, 100);
        var position = new DecodedPosition
        {
            Time = timestamp is null ? received : ParseTime(timestamp),
            TimeAssumed = timestamp is null,
            Latitude = Number(latText, "lat", -90, 90),
            Longitude = Number(lonText, "lon", -180, 180),
            Valid = Get(values, "valid") is not { } valid || Flag(valid, "valid"),
            SpeedKmh = NonNegative(Optional(values, "speed", -1, 10_000)) * KnotsToKmh,
            HeadingDegrees = NonNegative(Optional(values, "bearing", -1, 360) ?? Optional(values, "heading", -1, 360)),
            AltitudeMetres = Optional(values, "altitude", -10_000, 100_000),
            // HDOP alone is not a radius: ingest estimates one from it and flags the fix's accuracy as estimated.
            AccuracyMetres = NonNegative(Optional(values, "accuracy", -1, 1_000_000)),
            Hdop = hdop,
        };
        return message with { Positions = [position] };
    }

    private static DeviceMessage FromJson(JsonElement root, Instant received)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FrameFormatException("body is not a JSON object");
        }

        string? id = root.TryGetProperty("device_id", out var idElement) ? Text(idElement) : null;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new FrameFormatException("no device identifier: 'device_id' is required");
        }

        if (!root.TryGetProperty("location", out var location))
        {
            throw new FrameFormatException("no 'location' object");
        }

        var locations = location.ValueKind == JsonValueKind.Array ? location.EnumerateArray().ToList() : [location];
        var positions = new List<DecodedPosition>(locations.Count);
        int? battery = null;
        bool? charging = null;
        for (int i = 0; i < locations.Count; i++)
        {
            string at = locations.Count == 1 ? "location" : $"location[{i}]";
            var item = locations[i];
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("coords", out var coords) || coords.ValueKind != JsonValueKind.Object)
            {
                throw new FrameFormatException($"{at} has no 'coords' object");
            }

            string? timestamp = item.TryGetProperty("timestamp", out var t) ? Text(t) : null;
            positions.Add(new DecodedPosition
            {
                Time = timestamp is null ? received : ParseTime(timestamp),
                TimeAssumed = timestamp is null,
                Latitude = JsonNumber(coords, "latitude", at + ".coords", -90, 90) ?? throw new FrameFormatException($"{at}.coords.latitude is missing"),
                Longitude = JsonNumber(coords, "longitude", at + ".coords", -180, 180) ?? throw new FrameFormatException($"{at}.coords.longitude is missing"),
                AccuracyMetres = NonNegative(JsonNumber(coords, "accuracy", at + ".coords", -1, 1_000_000)),
                SpeedKmh = NonNegative(JsonNumber(coords, "speed", at + ".coords", -1, 10_000)) * 3.6,
                HeadingDegrees = NonNegative(JsonNumber(coords, "heading", at + ".coords", -1, 360)),
                AltitudeMetres = JsonNumber(coords, "altitude", at + ".coords", -10_000, 100_000),
            });
            if (item.TryGetProperty("battery", out var b) && b.ValueKind == JsonValueKind.Object)
            {
                if (JsonNumber(b, "level", at + ".battery", -1, 1) is { } level && level >= 0)
                {
                    battery = (int)Math.Round(level * 100);
                }

                if (b.TryGetProperty("is_charging", out var c) && c.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    charging = c.GetBoolean();
                }
            }
        }

        return new DeviceMessage
        {
            Protocol = ProtocolName,
            Kind = "location",
            DeviceId = id.Trim(),
            Positions = positions,
            BatteryPercent = battery,
            Charging = charging,
        };
    }

    /// <summary>Parses an OsmAnd timestamp: Unix seconds below 2^31, else milliseconds; ISO-8601; or <c>yyyy-MM-dd HH:mm:ss</c> in UTC.</summary>
    public static Instant ParseTime(string text)
    {
        string trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            if (!double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number) || number > 1e15)
            {
                throw new FrameFormatException($"timestamp '{trimmed}' is not a Unix time");
            }

            return number < 2147483648d
                ? Instant.FromUnixTimeMilliseconds((long)Math.Round(number * 1000))
                : Instant.FromUnixTimeMilliseconds((long)Math.Round(number));
        }

        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return Instant.FromDateTimeOffset(parsed);
        }

        throw new FrameFormatException($"timestamp '{trimmed}' is neither Unix seconds or milliseconds, ISO-8601, nor yyyy-MM-dd HH:mm:ss");
    }

    private static string? Get(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out string? value) && value.Trim().Length > 0 ? value.Trim() : null;

    private static double? Optional(Dictionary<string, string> values, string key, double min, double max) =>
        Get(values, key) is { } text ? Number(text, key, min, max) : null;

    private static double? NonNegative(double? value) => value is >= 0 ? value : null;

    private static double Number(string text, string name, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value < min || value > max)
        {
            throw new FrameFormatException(string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' is not a number from {min} to {max}"));
        }

        return value;
    }

    private static bool Flag(string text, string name) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new FrameFormatException($"{name} '{text}' is not true/false"),
    };

    private static double? JsonNumber(JsonElement parent, string property, string at, double min, double max)
    {
        if (!parent.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out double value) || value < min || value > max)
        {
            throw new FrameFormatException(string.Create(CultureInfo.InvariantCulture, $"{at}.{property} {element.GetRawText()} is not a number from {min} to {max}"));
        }

        return value;
    }

    private static string? Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };
}
