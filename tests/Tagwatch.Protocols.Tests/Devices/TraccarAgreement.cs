using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Tagwatch.Protocols.Devices;

namespace Tagwatch.Protocols.Tests.Devices;

/// <summary>What Traccar's decoder makes of one of its test vectors (tests/TestData/protocol-samples/traccar-expectations.jsonl),
/// and whether Tagwatch's <c>tagwatch decode</c> path agrees.</summary>
/// <remarks>
/// Agreement: where Traccar finds a position, Tagwatch finds one at the same time (to the millisecond; "received" where
/// the message has no time) and within 1e-5° of it, with the same validity; where Traccar finds none, neither does
/// Tagwatch; and the alarm and battery values Traccar's tests assert.
/// </remarks>
internal sealed record TraccarExpectation(
    string Protocol,
    int Line,
    string TraccarCheck,
    string? Time,
    bool? Valid,
    double? Latitude,
    double? Longitude,
    IReadOnlyList<string> Alarms,
    int? BatteryPercent,
    double? BatteryVolts,
    string? Difference)
{
    public static readonly Instant Received = Instant.FromUtc(2026, 12, 1, 12, 0);

    private const double CoordinateTolerance = 1e-5;

    public static IReadOnlyList<TraccarExpectation> LoadAll() =>
        [.. File.ReadLines(TestData.Path("protocol-samples", "traccar-expectations.jsonl")).Select(Parse)];

    public bool HasPosition => Time is not null;

    public override string ToString() => $"{Protocol} line {Line}";

    /// <summary>Decodes the vector as a support engineer would paste it, and says where Tagwatch disagrees (null when it agrees).</summary>
    public string? Disagreement()
    {
        var sample = ProtocolSample.Load(Protocol).Single(s => s.Line == Line);
        var results = new CapturedPayloadDecoder(Protocol).Decode(Pasted(sample), Received);
        var messages = results.Where(r => r.IsSuccess).Select(r => r.Message!).ToList();
        var positions = messages.SelectMany(m => m.Positions).ToList();
        string errors = string.Join("; ", results.Where(r => !r.IsSuccess).Select(r => r.Error));
        if (!HasPosition)
        {
            return positions.Count == 0 ? CheckStatus(messages) : $"Traccar finds no position but Tagwatch finds {Describe(positions[0])}";
        }

        if (positions.Count == 0)
        {
            return $"Traccar finds a position at {Time} {Latitude},{Longitude} but Tagwatch finds none ({(errors.Length > 0 ? errors : messages.FirstOrDefault()?.Note ?? "no note")})";
        }

        var p = positions[0];
        bool timeAgrees = Time == "received" ? p.TimeAssumed && p.Time == Received : !p.TimeAssumed && p.Time == ParseTime(Time!);
        if (!timeAgrees || Math.Abs(p.Latitude - Latitude!.Value) > CoordinateTolerance || Math.Abs(p.Longitude - Longitude!.Value) > CoordinateTolerance || p.Valid != Valid)
        {
            return $"Traccar finds {Time} {(Valid == true ? "valid" : "invalid")} {Latitude},{Longitude} but Tagwatch finds {Describe(p)}";
        }

        return CheckStatus(messages);
    }

    private string? CheckStatus(List<DeviceMessage> messages)
    {
        var alarms = messages.SelectMany(m => m.Alarms).Select(a => JsonNamingPolicy.SnakeCaseLower.ConvertName(a.ToString())).ToList();
        var missing = Alarms.Except(alarms).ToList();
        if (missing.Count > 0)
        {
            return $"alarm {string.Join(", ", missing)} expected, Tagwatch reports [{string.Join(", ", alarms)}]";
        }

        if (BatteryPercent is { } percent && !messages.Any(m => m.BatteryPercent == percent))
        {
            return $"battery {percent} % expected, Tagwatch reports {messages.FirstOrDefault()?.BatteryPercent?.ToString(CultureInfo.InvariantCulture) ?? "none"}";
        }

        if (BatteryVolts is { } volts && !messages.Any(m => m.BatteryVolts is { } v && Math.Abs(v - volts) < 1e-9))
        {
            return $"battery {volts} V expected, Tagwatch reports {messages.FirstOrDefault()?.BatteryVolts?.ToString(CultureInfo.InvariantCulture) ?? "none"}";
        }

        return null;
    }

    // Captured HTTP POSTs are stored as "/Content-Typeapplication/json{…}": what one pastes is the JSON body.
    private static string Pasted(ProtocolSample sample) =>
        sample.PayloadKind == "http-request" && sample.Payload.Contains("application/json", StringComparison.Ordinal)
            ? sample.Payload[sample.Payload.IndexOf('{', StringComparison.Ordinal)..]
            : sample.Payload;

    private static string Describe(DecodedPosition p) =>
        string.Create(CultureInfo.InvariantCulture, $"{(p.TimeAssumed ? "received" : InstantPattern.ExtendedIso.Format(p.Time))} {(p.Valid ? "valid" : "invalid")} {p.Latitude:F6},{p.Longitude:F6}");

    private static Instant ParseTime(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    private static TraccarExpectation Parse(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        var position = root.GetProperty("position");
        bool has = position.ValueKind == JsonValueKind.Object;
        return new TraccarExpectation(
            root.GetProperty("protocol").GetString()!,
            root.GetProperty("line").GetInt32(),
            root.GetProperty("traccar_check").GetString()!,
            has ? position.GetProperty("time").GetString() : null,
            has ? position.GetProperty("valid").GetBoolean() : null,
            has ? position.GetProperty("lat").GetDouble() : null,
            has ? position.GetProperty("lon").GetDouble() : null,
            root.TryGetProperty("alarms", out var alarms) ? [.. alarms.EnumerateArray().Select(a => a.GetString()!)] : [],
            root.TryGetProperty("battery_percent", out var percent) ? percent.GetInt32() : null,
            root.TryGetProperty("battery_volts", out var volts) ? volts.GetDouble() : null,
            root.TryGetProperty("difference", out var difference) ? difference.GetString() : null);
    }
}
