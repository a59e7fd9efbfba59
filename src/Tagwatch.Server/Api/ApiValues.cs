using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;

namespace Tagwatch.Server.Api;

/// <summary>The API's one reading of enum names and instants in requests, the problem that names a bad one, and its one writing of dates.</summary>
internal static class ApiValues
{
    /// <summary>An enum value by name: case-insensitive, '-' and '_' ignored (<c>no-further-action</c>), never a number.</summary>
    public static bool TryEnum<T>(string? text, out T value)
        where T : struct, Enum
    {
        string name = (text ?? "").Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
        value = default;
        return name.Length > 0 && !char.IsAsciiDigit(name[0]) && name[0] != '+' && name[0] != '-' && Enum.TryParse(name, ignoreCase: true, out value);
    }

    /// <summary>400 naming <paramref name="field"/> and the names it accepts.</summary>
    public static IResult NotOneOf<T>(string field, string? text)
        where T : struct, Enum => ApiProblems.Invalid(field, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}");

    /// <summary>An ISO-8601 UTC instant (<c>2019-03-01T12:00:00Z</c>).</summary>
    public static bool TryInstant(string? text, out Instant instant)
    {
        var result = InstantPattern.ExtendedIso.Parse(text ?? "");
        instant = result.Success ? result.Value : default;
        return result.Success;
    }

    /// <summary>A date as ISO 8601 (<c>1987-09-10</c>): NodaTime's own <c>ToString()</c> writes "Thursday, 10 September 1987".</summary>
    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
