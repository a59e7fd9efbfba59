using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Application.Correlation;

/// <summary>A match's factors, evidence points and gaps as JSON, in the API's one style: snake_case keys, ISO-8601
/// instants with their offset (<c>Z</c>), degrees to 7 decimals (about 1 cm, what the fix store keeps), metres, speeds
/// and headings to 2 and scores and factors to 3.</summary>
/// <remarks>
/// Matches stored by earlier versions hold PascalCase keys, Unix milliseconds and full precision; the readers accept
/// both, so every stored match reads the same way (<see cref="Normalise"/>). Rounding is for people: a match's content
/// hash is taken over its full-precision values, not over this text, so re-running on the same data changes nothing.
/// Thread-safe: stateless.
/// </remarks>
public static class MatchEvidenceJson
{
    /// <summary>The score's factors, with the score they make.</summary>
    public static string Factors(ScoreFactors factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return Factors(factors, factors.Score);
    }

    /// <summary>Reads factors written in either style.</summary>
    /// <exception cref="JsonException">The text is not a factors object.</exception>
    public static ScoreFactors ReadFactors(string json) => ReadFactorsAndScore(json).Factors;

    // The score as stored is kept: recomputed from factors already rounded to 3 decimals it could differ in the last.
    private static string Factors(ScoreFactors factors, double score) =>
        Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("closeness", Round(factors.Closeness, 3));
            w.WriteNumber("dwell", Round(factors.Dwell, 3));
            w.WriteNumber("window_overlap", Round(factors.WindowOverlap, 3));
            w.WriteNumber("fix_quality", Round(factors.FixQuality, 3));
            w.WriteNumber("category_relevance", Round(factors.CategoryRelevance, 3));
            w.WriteNumber("habitual_place", Round(factors.HabitualPlace, 3));
            w.WriteNumber("score", Round(score, 3));
            w.WriteEndObject();
        });

    /// <summary>The evidence points, each with whether its accuracy is estimated.</summary>
    public static string Evidence(IEnumerable<EvidencePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return Write(w =>
        {
            w.WriteStartArray();
            foreach (var p in points)
            {
                w.WriteStartObject();
                w.WriteString("time", Iso(p.TimeUnixMs));
                w.WriteNumber("latitude", Round(p.Latitude, 7));
                w.WriteNumber("longitude", Round(p.Longitude, 7));
                Number(w, "accuracy_m", p.AccuracyMetres, 2);
                w.WriteBoolean("accuracy_estimated", p.AccuracyEstimated);
                Number(w, "speed_kmh", p.SpeedKmh, 2);
                Number(w, "heading_deg", p.HeadingDegrees, 2);
                w.WriteNumber("distance_m", Round(p.DistanceMetres, 2));
                w.WriteNumber("margin_m", Round(p.MarginMetres, 2));
                w.WriteBoolean("interpolated", p.Interpolated);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>The monitoring gaps.</summary>
    public static string Gaps(IEnumerable<MonitoringGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        return Write(w =>
        {
            w.WriteStartArray();
            foreach (var g in gaps)
            {
                w.WriteStartObject();
                w.WriteString("from", Iso(g.FromUnixMs));
                w.WriteString("to", Iso(g.ToUnixMs));
                if (g.SiteReachable is { } reachable)
                {
                    w.WriteBoolean("site_reachable", reachable);
                }
                else
                {
                    w.WriteNull("site_reachable");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>Reads factors written in either style, with the score as stored.</summary>
    public static (ScoreFactors Factors, double Score) ReadFactorsAndScore(string json)
    {
        using var document = JsonDocument.Parse(json);
        var o = document.RootElement;
        var factors = new ScoreFactors(
            Get(o, "closeness", "Closeness"), Get(o, "dwell", "Dwell"), Get(o, "window_overlap", "WindowOverlap"), Get(o, "fix_quality", "FixQuality"),
            Get(o, "category_relevance", "CategoryRelevance"), Get(o, "habitual_place", "HabitualPlace"));
        return (factors, Optional(o, "score", "Score") ?? factors.Score);
    }

    /// <summary>Reads evidence points written in either style.</summary>
    /// <exception cref="JsonException">The text is not an array of evidence points.</exception>
    public static IReadOnlyList<EvidencePoint> ReadEvidence(string json)
    {
        using var document = JsonDocument.Parse(json);
        var points = new List<EvidencePoint>();
        foreach (var o in document.RootElement.EnumerateArray())
        {
            points.Add(new EvidencePoint(
                Time(o, "time", "TimeUnixMs"), Get(o, "latitude", "Latitude"), Get(o, "longitude", "Longitude"), Optional(o, "accuracy_m", "AccuracyMetres"),
                Optional(o, "speed_kmh", "SpeedKmh"), Optional(o, "heading_deg", "HeadingDegrees"), Get(o, "distance_m", "DistanceMetres"),
                Get(o, "margin_m", "MarginMetres"), Flag(o, "interpolated", "Interpolated") ?? false, Flag(o, "accuracy_estimated", "AccuracyEstimated") ?? false));
        }

        return points;
    }

    /// <summary>Reads monitoring gaps written in either style.</summary>
    /// <exception cref="JsonException">The text is not an array of gaps.</exception>
    public static IReadOnlyList<MonitoringGap> ReadGaps(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(o => new MonitoringGap(Time(o, "from", "FromUnixMs"), Time(o, "to", "ToUnixMs"), Flag(o, "site_reachable", "SiteReachable")))
            .ToList();
    }

    /// <summary>Stored factors, evidence and gaps in the current style, whichever style they were stored in.</summary>
    public static (string Factors, string Evidence, string Gaps) Normalise(string factorsJson, string evidenceJson, string gapsJson)
    {
        var (factors, score) = ReadFactorsAndScore(factorsJson);
        return (Factors(factors, score), Evidence(ReadEvidence(evidenceJson)), Gaps(ReadGaps(gapsJson)));
    }

    // Adding zero turns a rounded -0 into 0, which reads better than "-0".
    private static double Round(double value, int decimals) => Math.Round(value, decimals) + 0.0;

    private static string Iso(long unixMs) => InstantPattern.ExtendedIso.Format(Instant.FromUnixTimeMilliseconds(unixMs));

    private static void Number(Utf8JsonWriter w, string name, double? value, int decimals)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Round(v, decimals));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static JsonElement? Find(JsonElement o, string name, string legacy) =>
        o.TryGetProperty(name, out var value) || o.TryGetProperty(legacy, out value) ? value : null;

    private static double Get(JsonElement o, string name, string legacy) =>
        Find(o, name, legacy) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : throw new JsonException($"'{name}' is missing or not a number");

    private static double? Optional(JsonElement o, string name, string legacy) =>
        Find(o, name, legacy) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    private static bool? Flag(JsonElement o, string name, string legacy) =>
        Find(o, name, legacy) is { } value && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    // Current rows hold ISO instants; rows stored by earlier versions hold Unix milliseconds.
    private static long Time(JsonElement o, string name, string legacy)
    {
        var value = Find(o, name, legacy);
        if (value is { ValueKind: JsonValueKind.Number } ms)
        {
            return ms.GetInt64();
        }

        if (value is { ValueKind: JsonValueKind.String } text)
        {
            var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text.GetString()!);
            if (parsed.Success)
            {
                return parsed.Value.ToInstant().ToUnixTimeMilliseconds();
            }
        }

        throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"'{name}' is missing or not an ISO-8601 instant"));
    }
}
