using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Tagwatch.Protocols.Csv;

/// <summary>Parsing of the field types the CSV formats share, each failing with a reason that quotes the value.</summary>
public static class FieldParsers
{
    private static readonly InstantPattern[] IsoPatterns =
    [
        InstantPattern.ExtendedIso,
        InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss;FFFFFFFFF'Z'"),
    ];

    private static readonly OffsetDateTimePattern OffsetPattern = OffsetDateTimePattern.ExtendedIso;

    /// <summary>Parses an ISO-8601 instant that states its offset (<c>Z</c> or <c>±hh:mm</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="instant">The instant parsed.</param>
    /// <param name="reason">Why it did not parse.</param>
    /// <param name="noOffsetMeansUtc">Read a time without an offset as UTC (GPX defines its times as UTC).</param>
    public static bool TryParseIsoInstant(string text, out Instant instant, out string? reason, bool noOffsetMeansUtc = false)
    {
        if (FastIsoTime.TryParse(text.AsSpan().Trim(), out long unixMs))
        {
            instant = Instant.FromUnixTimeMilliseconds(unixMs);
            reason = null;
            return true;
        }

        string trimmed = text.Trim();
        if (noOffsetMeansUtc && LocalDateTimePattern.ExtendedIso.Parse(trimmed) is { Success: true } local)
        {
            instant = local.Value.InUtc().ToInstant();
            reason = null;
            return true;
        }

        foreach (var pattern in IsoPatterns)
        {
            var result = pattern.Parse(trimmed);
            if (result.Success)
            {
                instant = result.Value;
                reason = null;
                return true;
            }
        }

        var offset = OffsetPattern.Parse(trimmed);
        if (offset.Success)
        {
            instant = offset.Value.ToInstant();
            reason = null;
            return true;
        }

        instant = default;
        reason = trimmed.Length == 0
            ? "is empty; expected an ISO-8601 UTC time such as 2019-02-18T08:30:00Z"
            : LooksLikeLocalTime(trimmed)
                ? $"'{Quote(trimmed)}' has no UTC offset; add Z (UTC) or ±hh:mm"
                : $"'{Quote(trimmed)}' is not an ISO-8601 time such as 2019-02-18T08:30:00Z";
        return false;
    }

    /// <summary>Parses a finite decimal number in [min, max].</summary>
    public static bool TryParseNumber(string text, double min, double max, out double value, out string? reason)
    {
        string trimmed = text.Trim();
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            reason = trimmed.Length == 0 ? "is empty" : $"'{Quote(trimmed)}' is not a number";
            return false;
        }

        if (value < min || value > max)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"{trimmed} is outside {min}..{max}");
            return false;
        }

        reason = null;
        return true;
    }

    /// <summary>Shortens a value for an error message so a hostile row cannot flood the report.</summary>
    public static string Quote(string value) => value.Length <= 60 ? value : value[..60] + "…";

    private static bool LooksLikeLocalTime(string text) =>
        LocalDateTimePattern.ExtendedIso.Parse(text).Success
        || LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss").Parse(text).Success;
}
