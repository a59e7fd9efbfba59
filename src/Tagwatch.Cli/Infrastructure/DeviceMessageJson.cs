using System.Text.Json;
using NodaTime.Text;
using Tagwatch.Protocols.Devices;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Writes decoded device messages as JSON for support engineers.</summary>
internal static class DeviceMessageJson
{
    public static void Write(Utf8JsonWriter json, DeviceMessage message)
    {
        json.WriteStartObject();
        json.WriteString("kind", message.Kind);
        WriteOptional(json, "device_id", message.DeviceId);
        json.WriteBoolean("checksum_valid", message.ChecksumValid);
        if (message.Serial is { } serial)
        {
            json.WriteNumber("serial", serial);
        }

        json.WriteStartArray("positions");
        foreach (var p in message.Positions)
        {
            json.WriteStartObject();
            json.WriteString("time", InstantPattern.ExtendedIso.Format(p.Time));
            if (p.TimeAssumed)
            {
                json.WriteBoolean("time_assumed", true);
            }

            json.WriteBoolean("valid", p.Valid);
            json.WriteNumber("lat", Math.Round(p.Latitude, 7));
            json.WriteNumber("lon", Math.Round(p.Longitude, 7));
            WriteOptional(json, "accuracy_m", p.AccuracyMetres);
            WriteOptional(json, "hdop", p.Hdop);
            WriteOptional(json, "speed_kmh", p.SpeedKmh is { } s ? Math.Round(s, 2) : null);
            WriteOptional(json, "heading_deg", p.HeadingDegrees);
            WriteOptional(json, "altitude_m", p.AltitudeMetres);
            WriteOptional(json, "satellites", p.Satellites);
            json.WriteString("source", p.Source.ToString().ToLowerInvariant());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("alarms");
        foreach (var alarm in message.Alarms)
        {
            json.WriteStringValue(JsonNamingPolicy.SnakeCaseLower.ConvertName(alarm.ToString()));
        }

        json.WriteEndArray();
        WriteOptional(json, "battery_percent", message.BatteryPercent);
        WriteOptional(json, "power_v", message.PowerVolts);
        WriteOptional(json, "battery_v", message.BatteryVolts);
        if (message.Charging is { } charging)
        {
            json.WriteBoolean("charging", charging);
        }

        WriteOptional(json, "response_hex", message.Response is { } r ? Convert.ToHexString(r) : null);
        WriteOptional(json, "note", message.Note);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }
}
