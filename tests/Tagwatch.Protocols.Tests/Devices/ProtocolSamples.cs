using System.Text.Json;

namespace Tagwatch.Protocols.Tests.Devices;

/// <summary>Real tracker messages from the Traccar project's decoder tests (tests/TestData/protocol-samples).</summary>
internal sealed record ProtocolSample(int Line, string Verify, string PayloadKind, string Payload, double? Latitude, double? Longitude, string? TimeUtc, bool? Valid)
{
    public static IReadOnlyList<ProtocolSample> Load(string protocol) =>
        [.. File.ReadLines(TestData.Path("protocol-samples", protocol + ".jsonl")).Select(Parse)];

    public byte[] Bytes => PayloadKind == "hex" ? Convert.FromHexString(Payload) : System.Text.Encoding.ASCII.GetBytes(Payload);

    public override string ToString() => $"line {Line} ({Verify})";

    private static ProtocolSample Parse(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        double? lat = null, lon = null;
        string? time = null;
        bool? valid = null;
        if (root.TryGetProperty("expected_position", out var expected))
        {
            lat = expected.GetProperty("lat").GetDouble();
            lon = expected.GetProperty("lon").GetDouble();
            time = expected.GetProperty("time_utc").GetString();
            valid = expected.GetProperty("valid").GetBoolean();
        }

        return new ProtocolSample(
            root.GetProperty("line").GetInt32(),
            root.GetProperty("verify").GetString()!,
            root.GetProperty("payload_kind").GetString()!,
            root.GetProperty("payload").GetString()!,
            lat,
            lon,
            time,
            valid);
    }
}
