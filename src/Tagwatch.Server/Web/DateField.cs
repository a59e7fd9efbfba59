using System.Globalization;
using NodaTime;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Server.Web;

/// <summary>A date typed into a GOV.UK date input: day, month and year as separate fields, as typed.</summary>
public sealed class DateField
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    /// <summary>The date the three fields give, read as <see cref="RecordDate"/> reads a record's date, or why not.</summary>
    public bool TryRead(out LocalDate date, out string? error)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year))
        {
            error = "required: enter the day, month and year";
            return false;
        }

        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out int day)
            || !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out int month)
            || !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || year < 1000 || year > 9999 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            error = "must be a real date, for example 27 3 1990";
            return false;
        }

        return RecordDate.TryParse(new LocalDate(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), out date, out error);
    }
}
