using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using Tagwatch.Core.Crimes;

namespace Tagwatch.Server.Web.Pages.Crimes;

/// <summary>The crime pages' filters as their GET form sends them (<c>?Filter.From=2019-02-01&amp;Filter.Category=Robbery</c>…):
/// a period of London dates (both ends included), a borough and a category; empty means the default period, any borough,
/// any category.</summary>
public sealed class CrimeFilter
{
    private const string DateFormat = "yyyy-MM-dd";

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Borough { get; set; }

    public string? Category { get; set; }

    /// <summary>What the use cases are asked, or false with an error against each field that cannot be read.</summary>
    public bool TryRead(ModelStateDictionary errors, out (Instant? From, Instant? To, string? Borough, CrimeCategory? Category) request)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var from = Date(From, nameof(From), "Enter the first day as a date, for example 2019-02-01");
        var to = Date(To, nameof(To), "Enter the last day as a date, for example 2019-02-28");
        if (errors.IsValid && (from is null) != (to is null))
        {
            errors.AddModelError($"Filter.{(from is null ? nameof(From) : nameof(To))}", "Enter both days of the period, or neither for the latest crimes");
        }

        CrimeCategory? category = null;
        if (!string.IsNullOrEmpty(Category))
        {
            if (Enum.TryParse<CrimeCategory>(Category, ignoreCase: false, out var one) && Enum.IsDefined(one) && !char.IsAsciiDigit(Category[0]))
            {
                category = one;
            }
            else
            {
                errors.AddModelError($"Filter.{nameof(Category)}", "Choose a category from the list");
            }
        }

        request = (from?.AtStartOfDayInZone(WebText.London).ToInstant(), to?.PlusDays(1).AtStartOfDayInZone(WebText.London).ToInstant(),
            string.IsNullOrEmpty(Borough) ? null : Borough, category);
        return errors.IsValid;

        LocalDate? Date(string? text, string field, string message)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return LocalDate.FromDateTime(date);
            }

            errors.AddModelError($"Filter.{field}", message);
            return null;
        }
    }

    /// <summary>A London date as the date fields show it.</summary>
    public static string DateText(Instant instant) => instant.InZone(WebText.London).Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The filters as query-string pairs ("" when none), for links that keep them.</summary>
    public string Query()
    {
        var parts = new List<string>();
        Add(nameof(From), From);
        Add(nameof(To), To);
        Add(nameof(Borough), Borough);
        Add(nameof(Category), Category);
        return string.Join('&', parts);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"Filter.{name}={Uri.EscapeDataString(value)}");
            }
        }
    }
}
