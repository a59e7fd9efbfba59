using NodaTime;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Devices;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Parses option values, throwing <see cref="ArgumentException"/> that names the option and the value.</summary>
internal static class OptionParsers
{
    public static LocalDate Date(string? text, string option)
    {
        return Core.Offenders.RecordDate.TryParse(text, out var date, out var error) ? date : throw new ArgumentException($"{option}: {error}");
    }

    public static LocalDate? OptionalDate(string? text, string option) => string.IsNullOrWhiteSpace(text) ? null : Date(text, option);

    public static T Enum<T>(string? text, string option)
        where T : struct, System.Enum
    {
        string normalised = (text ?? "").Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
        if (normalised.Length > 0 && !char.IsAsciiDigit(normalised[0]) && System.Enum.TryParse<T>(normalised, ignoreCase: true, out var value))
        {
            return value;
        }

        throw new ArgumentException($"{option} '{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>().Select(Kebab))}");
    }

    /// <summary>A device protocol of <see cref="DeviceProtocols"/>, by name in any case; the error lists them all with
    /// what each one's captures look like.</summary>
    public static DeviceProtocol Protocol(string? text, string option) =>
        DeviceProtocols.Find(text) ?? throw new ArgumentException(
            $"{option} must be one of {string.Join(", ", DeviceProtocols.All.Select(p => p.Name))} ({string.Join("; ", DeviceProtocols.All.Select(p => $"{p.Name}: {p.CaptureDescription}"))}), not '{text}'");

    public static OffenderReference Reference(string? text) =>
        OffenderReference.TryParse(text, out var reference, out var error) ? reference : throw new ArgumentException(error);

    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>A duration with a unit: <c>90s</c>, <c>10m</c>, <c>2h</c>, <c>1d</c>.</summary>
    public static NodaTime.Duration Duration(string? text, string option)
    {
        string trimmed = (text ?? "").Trim();
        if (trimmed.Length >= 2 && double.TryParse(trimmed[..^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value) && value >= 0)
        {
            switch (trimmed[^1])
            {
                case 's': return NodaTime.Duration.FromSeconds(value);
                case 'm': return NodaTime.Duration.FromMinutes(value);
                case 'h': return NodaTime.Duration.FromHours(value);
                case 'd': return NodaTime.Duration.FromDays(value);
                default: break;
            }
        }

        throw new ArgumentException($"{option} '{text}' is not a duration such as 90s, 10m, 2h or 1d");
    }

    /// <summary>An ISO-8601 instant with <c>Z</c> or an offset.</summary>
    public static NodaTime.Instant Instant(string? text, string option) =>
        Tagwatch.Protocols.Csv.FieldParsers.TryParseIsoInstant(text ?? "", out var instant, out var reason) ? instant : throw new ArgumentException($"{option}: {reason}");
}
