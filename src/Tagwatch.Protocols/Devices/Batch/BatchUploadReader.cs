using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Tagwatch.Core.Identity;

namespace Tagwatch.Protocols.Devices.Batch;

/// <summary>Reads the batch upload body (<c>POST /api/v1/ingest/batch</c>) into one message per device and the items
/// refused; pure, so every rule on the wire format is tested without a server.</summary>
/// <remarks>
/// Body: <c>{"fixes":[{"device_id","time","lat","lon","accuracy_m"?,"speed_kmh"?,"heading_deg"?,"altitude_m"?,"valid"?}],
/// "events":[{"device_id","time","kind"}]}</c>. Every item is checked on its own: a bad item is reported by index and
/// field and the rest are read. A body that is not such an object, or holds more than <see cref="MaxItems"/> items, is
/// refused as a whole.
/// </remarks>
public static class BatchUploadReader
{
    /// <summary>The protocol name of the messages read from an upload.</summary>
    public const string ProtocolName = "batch";

    /// <summary>Most items in one request.</summary>
    public const int MaxItems = 100_000;

    private static readonly Dictionary<string, DeviceAlarm> Kinds =
        Enum.GetValues<DeviceAlarm>().ToDictionary(a => JsonNamingPolicy.SnakeCaseLower.ConvertName(a.ToString()), StringComparer.Ordinal);

    /// <summary>Reads <paramref name="body"/>.</summary>
    /// <param name="body">The request body, UTF-8 JSON.</param>
    /// <param name="refuseDevice">Why the sender may not upload for a device (its credential does not cover it), or null when it may.</param>
    public static BatchUpload Read(ReadOnlyMemory<byte> body, Func<TagId, string?> refuseDevice)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return BatchUpload.Refused("The body is not valid JSON", detail: ex.Message);
        }

        using (document)
        {
            return Read(document.RootElement, refuseDevice);
        }
    }

    /// <summary>Reads a parsed body; see <see cref="Read(ReadOnlyMemory{byte}, Func{TagId, string?})"/>.</summary>
    public static BatchUpload Read(JsonElement root, Func<TagId, string?> refuseDevice)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return BatchUpload.Refused("The body must be a JSON object with 'fixes' and/or 'events' arrays.");
        }

        var fixes = root.TryGetProperty("fixes", out var f) ? f : default;
        var events = root.TryGetProperty("events", out var e) ? e : default;
        if (fixes.ValueKind is not (JsonValueKind.Array or JsonValueKind.Undefined) || events.ValueKind is not (JsonValueKind.Array or JsonValueKind.Undefined))
        {
            return BatchUpload.Refused("'fixes' and 'events' must be arrays.");
        }

        int fixCount = fixes.ValueKind == JsonValueKind.Array ? fixes.GetArrayLength() : 0;
        int eventCount = events.ValueKind == JsonValueKind.Array ? events.GetArrayLength() : 0;
        int items = fixCount + eventCount;
        if (items > MaxItems)
        {
            return BatchUpload.Refused($"{items} items exceed the {MaxItems} allowed in one request.", items);
        }

        var rejected = new List<BatchItemError>();
        var byDevice = new Dictionary<TagId, DeviceItems>();
        DeviceItems For(TagId device)
        {
            if (!byDevice.TryGetValue(device, out var found))
            {
                found = new DeviceItems();
                byDevice[device] = found;
            }

            return found;
        }

        int index = 0;
        foreach (var item in fixCount > 0 ? fixes.EnumerateArray() : default)
        {
            var reader = new ItemReader(item, index++, "fixes");
            var device = reader.Device(refuseDevice);
            var position = reader.Error is null ? reader.Position() : null;
            if (reader.Error is { } error)
            {
                rejected.Add(error);
                continue;
            }

            For(device!.Value).Add(position!, item);
        }

        index = 0;
        foreach (var item in eventCount > 0 ? events.EnumerateArray() : default)
        {
            var reader = new ItemReader(item, index++, "events");
            var device = reader.Device(refuseDevice);
            string? kind = reader.Error is null ? reader.Text("kind") : null;
            if (reader.Error is null && kind is not null && !Kinds.ContainsKey(kind))
            {
                reader.Fail("kind", $"'{kind}' is not one of {string.Join(", ", Kinds.Keys)}");
            }

            if (reader.Error is { } error)
            {
                rejected.Add(error);
                continue;
            }

            For(device!.Value).AddAlarm(Kinds[kind!], item);
        }

        return new BatchUpload(items, [.. byDevice.Select(d => d.Value.Upload(d.Key))], rejected);
    }

    private sealed class DeviceItems
    {
        private readonly List<DecodedPosition> _positions = [];
        private readonly List<DeviceAlarm> _alarms = [];
        private readonly StringBuilder _raw = new("[");

        public void Add(DecodedPosition position, JsonElement item)
        {
            _positions.Add(position);
            Append(item);
        }

        public void AddAlarm(DeviceAlarm alarm, JsonElement item)
        {
            _alarms.Add(alarm);
            Append(item);
        }

        public BatchDeviceUpload Upload(TagId device) => new(
            device,
            new DeviceMessage { Protocol = ProtocolName, Kind = "upload", DeviceId = device.Value, Positions = _positions, Alarms = _alarms },
            Encoding.UTF8.GetBytes(_raw.ToString() + "]"));

        private void Append(JsonElement item)
        {
            if (_raw.Length > 1)
            {
                _raw.Append(',');
            }

            _raw.Append(item.GetRawText());
        }
    }

    private sealed class ItemReader(JsonElement item, int index, string array)
    {
        private string? _device;

        public BatchItemError? Error { get; private set; }

        public TagId? Device(Func<TagId, string?> refuseDevice)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                Fail("item", "is not a JSON object");
                return null;
            }

            _device = Text("device_id");
            if (_device is null)
            {
                return null;
            }

            if (!TagId.TryParse(_device, out var id, out string? error))
            {
                Fail("device_id", error!);
                return null;
            }

            if (refuseDevice(id) is { } refusal)
            {
                Fail("device_id", refusal);
                return null;
            }

            return id;
        }

        public DecodedPosition? Position()
        {
            string? time = Text("time");
            double? lat = Number("lat", -90, 90, required: true), lon = Number("lon", -180, 180, required: true);
            double? accuracy = Number("accuracy_m", 0, 1e6), speed = Number("speed_kmh", 0, 1e4), heading = Number("heading_deg", 0, 360), altitude = Number("altitude_m", -1e4, 1e5);
            bool valid = !item.TryGetProperty("valid", out var v) || v.ValueKind != JsonValueKind.False;
            if (Error is not null || time is null)
            {
                return null;
            }

            var parsed = InstantPattern.ExtendedIso.Parse(time);
            var instant = parsed.Success ? parsed.Value : OffsetDateTimePattern.ExtendedIso.Parse(time) is { Success: true } offset ? offset.Value.ToInstant() : (Instant?)null;
            if (instant is null)
            {
                Fail("time", $"'{time}' is not an ISO-8601 instant such as 2026-11-25T10:00:00Z");
                return null;
            }

            return new DecodedPosition
            {
                Time = instant.Value,
                Latitude = lat!.Value,
                Longitude = lon!.Value,
                Valid = valid,
                AccuracyMetres = accuracy,
                SpeedKmh = speed,
                HeadingDegrees = heading,
                AltitudeMetres = altitude,
            };
        }

        public string? Text(string field)
        {
            if (!item.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Fail(field, "is required as a string");
                return null;
            }

            return value.GetString()!.Trim();
        }

        public void Fail(string field, string reason) =>
            Error ??= new BatchItemError(string.Create(CultureInfo.InvariantCulture, $"{array}[{index}]"), _device, field, reason);

        private double? Number(string field, double min, double max, bool required = false)
        {
            if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Fail(field, "is required");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || number < min || number > max)
            {
                Fail(field, string.Create(CultureInfo.InvariantCulture, $"{value.GetRawText()} is not a number from {min} to {max}"));
                return null;
            }

            return number;
        }
    }
}
