using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NodaTime;
using NodaTime.Text;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Devices;

namespace Tagwatch.Server.Devices;

/// <summary><c>POST /api/v1/ingest/batch</c>: many fixes (and device events) for one or more devices per request, for
/// vendor gateways and phones that buffer. Authenticated by a device or gateway credential; idempotent on retry.</summary>
/// <remarks>
/// Body: <c>{"fixes":[{"device_id","time","lat","lon","accuracy_m"?,"speed_kmh"?,"heading_deg"?,"altitude_m"?,"valid"?}],
/// "events":[{"device_id","time","kind"}]}</c>. Every item is checked on its own: a bad item is reported by index and
/// field and the rest are stored. The answer comes after the commit, so every accepted item is durable; sending the
/// same request again stores nothing twice.
/// </remarks>
public static class BatchIngestEndpoint
{
    /// <summary>Where it is served.</summary>
    public const string Path = "/api/v1/ingest/batch";

    /// <summary>Most items in one request.</summary>
    public const int MaxItems = 100_000;

    private static readonly Dictionary<string, DeviceAlarm> Kinds =
        Enum.GetValues<DeviceAlarm>().ToDictionary(a => JsonNamingPolicy.SnakeCaseLower.ConvertName(a.ToString()), StringComparer.Ordinal);

    /// <summary>Handles one upload.</summary>
    public static async Task<IResult> HandleAsync(HttpContext http, IngestPipeline pipeline, IDeviceCredentialStore credentials, ServerOptions options, TimeProvider clock)
    {
        string? header = http.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.Ordinal)
            || await credentials.VerifyAsync(header["Bearer ".Length..].Trim(), http.RequestAborted) is not { } credential)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A device or gateway credential is required", detail: "Send 'Authorization: Bearer <credential>'.");
        }

        // Kestrel enforces the limit on the body as it streams in, chunked or not, and answers 413 beyond it.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBatchBodyBytes;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, new JsonDocumentOptions { MaxDepth = 8 }, http.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON", detail: ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            return Results.Problem(statusCode: ex.StatusCode, title: ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? $"The body is larger than {options.MaxBatchBodyBytes} bytes" : "The request body could not be read", detail: ex.Message);
        }

        using (document)
        {
            var received = Instant.FromDateTimeOffset(clock.GetUtcNow());
            var parsed = Parse(document.RootElement, credential, received);
            if (parsed.Problem is { } problem)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: problem);
            }

            var proof = DeviceProof.Of(credential);
            var messages = parsed.ByDevice.Select(d => new IngestMessage(d.Value.Message(d.Key), received, Encoding.UTF8.GetBytes(d.Value.Raw.Append(']').ToString()), http.Connection.RemoteIpAddress?.ToString(), http.Connection.LocalPort, proof)).ToList();
            var outcomes = await pipeline.SubmitManyAsync(messages, http.RequestAborted);
            if (outcomes.Any(o => o.Status == IngestStatus.Failed))
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The store could not commit the upload; send it again");
            }

            var refused = new List<string>();
            long accepted = 0;
            for (int i = 0; i < messages.Count; i++)
            {
                if (outcomes[i].IsStored)
                {
                    accepted += outcomes[i].Positions - outcomes[i].Rejected.Count + messages[i].Message.Alarms.Count;
                    parsed.Rejected.AddRange(outcomes[i].Rejected.Select(r => new BatchItemError(null, messages[i].Message.DeviceId, "time", r)));
                }
                else
                {
                    refused.Add(messages[i].Message.DeviceId!);
                }
            }

            return Results.Ok(new BatchIngestResponse(parsed.Items, accepted, parsed.Rejected, refused));
        }
    }

    private static ParsedBatch Parse(JsonElement root, DeviceCredential credential, Instant received)
    {
        var batch = new ParsedBatch();
        if (root.ValueKind != JsonValueKind.Object)
        {
            batch.Problem = "The body must be a JSON object with 'fixes' and/or 'events' arrays.";
            return batch;
        }

        var fixes = root.TryGetProperty("fixes", out var f) ? f : default;
        var events = root.TryGetProperty("events", out var e) ? e : default;
        if (fixes.ValueKind is not (JsonValueKind.Array or JsonValueKind.Undefined) || events.ValueKind is not (JsonValueKind.Array or JsonValueKind.Undefined))
        {
            batch.Problem = "'fixes' and 'events' must be arrays.";
            return batch;
        }

        int fixCount = fixes.ValueKind == JsonValueKind.Array ? fixes.GetArrayLength() : 0;
        int eventCount = events.ValueKind == JsonValueKind.Array ? events.GetArrayLength() : 0;
        batch.Items = fixCount + eventCount;
        if (batch.Items > MaxItems)
        {
            batch.Problem = $"{batch.Items} items exceed the {MaxItems} allowed in one request.";
            return batch;
        }

        int index = 0;
        foreach (var item in fixCount > 0 ? fixes.EnumerateArray() : default)
        {
            var reader = new ItemReader(item, index++, "fixes");
            var device = reader.Device(credential);
            var position = reader.Error is null ? reader.Position(received) : null;
            if (reader.Error is { } error)
            {
                batch.Rejected.Add(error);
                continue;
            }

            batch.For(device!.Value).Add(position!, item);
        }

        index = 0;
        foreach (var item in eventCount > 0 ? events.EnumerateArray() : default)
        {
            var reader = new ItemReader(item, index++, "events");
            var device = reader.Device(credential);
            string? kind = reader.Error is null ? reader.Text("kind") : null;
            if (reader.Error is null && kind is not null && !Kinds.ContainsKey(kind))
            {
                reader.Fail("kind", $"'{kind}' is not one of {string.Join(", ", Kinds.Keys)}");
            }

            if (reader.Error is { } error)
            {
                batch.Rejected.Add(error);
                continue;
            }

            batch.For(device!.Value).AddAlarm(Kinds[kind!], item);
        }

        return batch;
    }

    /// <summary>The answer to an upload.</summary>
    /// <param name="Received">Items in the request.</param>
    /// <param name="Accepted">Items now durably stored (including ones stored by an earlier attempt).</param>
    /// <param name="Rejected">Items refused, by index and field.</param>
    /// <param name="RefusedDevices">Devices not registered: none of their items were stored.</param>
    public sealed record BatchIngestResponse(int Received, long Accepted, IReadOnlyList<BatchItemError> Rejected, IReadOnlyList<string> RefusedDevices);

    /// <summary>One refused item.</summary>
    /// <param name="Item">Where it is, e.g. <c>fixes[3]</c>.</param>
    /// <param name="DeviceId">Its device, when readable.</param>
    /// <param name="Field">The field at fault.</param>
    /// <param name="Reason">Why.</param>
    public sealed record BatchItemError(string? Item, string? DeviceId, string Field, string Reason);

    private sealed class ParsedBatch
    {
        public int Items { get; set; }

        public string? Problem { get; set; }

        public List<BatchItemError> Rejected { get; } = [];

        public Dictionary<TagId, DeviceItems> ByDevice { get; } = [];

        public DeviceItems For(TagId device)
        {
            if (!ByDevice.TryGetValue(device, out var items))
            {
                items = new DeviceItems();
                ByDevice[device] = items;
            }

            return items;
        }
    }

    private sealed class DeviceItems
    {
        private readonly List<DecodedPosition> _positions = [];
        private readonly List<DeviceAlarm> _alarms = [];

        public StringBuilder Raw { get; } = new("[");

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

        public DeviceMessage Message(TagId device) => new() { Protocol = IngestOptions.BatchProtocol, Kind = "upload", DeviceId = device.Value, Positions = _positions, Alarms = _alarms };

        private void Append(JsonElement item)
        {
            if (Raw.Length > 1)
            {
                Raw.Append(',');
            }

            Raw.Append(item.GetRawText());
        }
    }

    private sealed class ItemReader(JsonElement item, int index, string array)
    {
        private string? _device;

        public BatchItemError? Error { get; private set; }

        public TagId? Device(DeviceCredential credential)
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

            if (!credential.Covers(id))
            {
                Fail("device_id", $"the credential '{credential.Name}' may not upload for device {id}");
                return null;
            }

            return id;
        }

        public DecodedPosition? Position(Instant received)
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
