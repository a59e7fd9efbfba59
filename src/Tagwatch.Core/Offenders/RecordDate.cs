using NodaTime;
using NodaTime.Text;

namespace Tagwatch.Core.Offenders;

/// <summary>
/// The one reading of a calendar date given for a record (a date of birth, a licence's start and end, the scheme's
/// dates): ISO 8601 <c>yyyy-MM-dd</c> from <see cref="Earliest"/> to <see cref="Latest"/>.
/// </summary>
/// <remarks>
/// The bounds keep every date far from the ends of the calendar, where the day after a licence ends or its start
/// in London time cannot be computed (9999-12-31 has no next day); no person or licence falls outside them.
/// </remarks>
public static class RecordDate
{
    /// <summary>The earliest date accepted.</summary>
    public static readonly LocalDate Earliest = new(1900, 1, 1);

    /// <summary>The latest date accepted.</summary>
    public static readonly LocalDate Latest = new(2199, 12, 31);

    /// <summary>Parses a date, or says why it is not one (without naming the field: the caller does).</summary>
    public static bool TryParse(string? text, out LocalDate date, out string? error)
    {
        var result = LocalDatePattern.Iso.Parse(text?.Trim() ?? "");
        date = result.Success ? result.Value : default;
        error = !result.Success ? $"'{text}' is not a date (yyyy-MM-dd)"
            : date < Earliest || date > Latest ? $"{LocalDatePattern.Iso.Format(date)} is not from {LocalDatePattern.Iso.Format(Earliest)} to {LocalDatePattern.Iso.Format(Latest)}"
            : null;
        return error is null;
    }
}
