using System.Text.Json;
using NodaTime.Text;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Protocols.GeoJson;

/// <summary>Writes one tag's fixes as a GeoJSON FeatureCollection of points (RFC 7946: longitude, latitude), each with
/// its time, accuracy, speed, heading, source and quality flags as properties.</summary>
public static class FixGeoJsonWriter
{
    /// <summary>Writes the fixes (in the order given) to <paramref name="output"/>.</summary>
    public static void Write(Stream output, TagId tag, IEnumerable<Fix> fixes)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var fix in fixes)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(Math.Round(fix.Longitude, 7));
            json.WriteNumberValue(Math.Round(fix.Latitude, 7));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("tag_id", tag.Value);
            json.WriteString("time", InstantPattern.ExtendedIso.Format(fix.Time));
            WriteOptional(json, "accuracy_m", fix.AccuracyMetres);
            WriteOptional(json, "speed_kmh", fix.SpeedKmh);
            WriteOptional(json, "heading_deg", fix.HeadingDegrees);
            json.WriteString("source", fix.Source.ToString().ToLowerInvariant());
            json.WriteString("flags", fix.Flags.ToString());
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
