using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Tagwatch.Core.Conditions;

/// <summary>When a licence condition applies: windows of UK local time on given days, e.g. <c>Mon-Fri 19:00-07:00</c>.</summary>
/// <remarks>
/// Text form: one or more windows separated by ';', each <c>DAYS HH:mm-HH:mm</c> where DAYS is <c>daily</c>, a day
/// (<c>Mon</c>), a range (<c>Mon-Fri</c>) or a list (<c>Sat,Sun</c>). A window whose end is not after its start runs
/// over midnight into the next day (the day named is the day it starts); <c>24:00</c> means the end of the day.
/// Times are Europe/London wall-clock times, so a 21:00 curfew is 21:00 in summer and winter alike; on the night the
/// clocks change a window lasts an hour more or less. A local time skipped by the spring change is read as the
/// moment after the gap; one repeated in autumn as its first occurrence.
/// </remarks>
public sealed class Schedule
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private readonly IReadOnlyList<Window> _windows;

    private Schedule(string text, IReadOnlyList<Window> windows)
    {
        Text = text;
        _windows = windows;
    }

    /// <summary>A schedule that always applies.</summary>
    public static Schedule Always { get; } = new("always", []);

    /// <summary>The schedule as written (normalised).</summary>
    public string Text { get; }

    /// <summary>True for <see cref="Always"/>.</summary>
    public bool IsAlways => _windows.Count == 0;

    /// <summary>Parses the text form, returning a reason naming the part at fault.</summary>
    public static bool TryParse(string? text, out Schedule schedule, out string? error)
    {
        schedule = Always;
        string trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Equals("always", StringComparison.OrdinalIgnoreCase))
        {
            error = null;
            return true;
        }

        var windows = new List<Window>();
        foreach (string part in trimmed.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (pieces.Length != 2)
            {
                error = $"'{part}' is not 'DAYS HH:mm-HH:mm' (e.g. 'Mon-Fri 19:00-07:00')";
                return false;
            }

            if (!TryDays(pieces[0], out var days, out error) || !TryTimes(pieces[1], out var start, out var end, out error))
            {
                error = $"'{part}': {error}";
                return false;
            }

            windows.Add(new Window(days, start, end));
        }

        schedule = new Schedule(string.Join("; ", windows), windows);
        error = null;
        return true;
    }

    /// <summary>Parses the text form, throwing <see cref="ArgumentException"/> with the reason.</summary>
    public static Schedule Parse(string text) => TryParse(text, out var schedule, out string? error) ? schedule : throw new ArgumentException(error, nameof(text));

    /// <summary>The window in force at <paramref name="instant"/> (its start and end), or null when none is.
    /// <see cref="Always"/> gives an unbounded interval.</summary>
    public Interval? ActiveAt(Instant instant)
    {
        if (IsAlways)
        {
            return new Interval(null, null);
        }

        var local = instant.InZone(London).Date;
        foreach (var day in new[] { local.PlusDays(-1), local })
        {
            foreach (var window in _windows)
            {
                if (window.Occurrence(day) is { } occurrence && occurrence.Contains(instant))
                {
                    return occurrence;
                }
            }
        }

        return null;
    }

    /// <summary>Every window that starts in [<paramref name="from"/>, <paramref name="to"/>), in order.</summary>
    public IReadOnlyList<Interval> StartingBetween(Instant from, Instant to)
    {
        var found = new List<Interval>();
        if (IsAlways || to <= from)
        {
            return found;
        }

        for (var day = from.InZone(London).Date.PlusDays(-1); day <= to.InZone(London).Date; day = day.PlusDays(1))
        {
            foreach (var window in _windows)
            {
                if (window.Occurrence(day) is { } occurrence && occurrence.Start >= from && occurrence.Start < to)
                {
                    found.Add(occurrence);
                }
            }
        }

        return [.. found.OrderBy(i => i.Start)];
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool TryDays(string text, out HashSet<IsoDayOfWeek> days, out string? error)
    {
        days = [];
        error = null;
        if (text.Equals("daily", StringComparison.OrdinalIgnoreCase))
        {
            days = [.. Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None)];
            return true;
        }

        foreach (string item in text.Split(','))
        {
            var range = item.Split('-');
            if (range.Length is < 1 or > 2 || !TryDay(range[0], out var first) || !TryDay(range[^1], out var last))
            {
                error = $"days '{item}' are not Mon…Sun, a range such as Mon-Fri, or 'daily'";
                return false;
            }

            for (var d = first; ; d = d == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : d + 1)
            {
                days.Add(d);
                if (d == last)
                {
                    break;
                }
            }
        }

        return true;
    }

    private static bool TryDay(string text, out IsoDayOfWeek day)
    {
        int index = Array.FindIndex(DayNames, n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
        day = index < 0 ? IsoDayOfWeek.None : (IsoDayOfWeek)(index + 1);
        return index >= 0;
    }

    private static bool TryTimes(string text, out LocalTime start, out LocalTime? end, out string? error)
    {
        start = default;
        end = null;
        var pair = text.Split('-');
        if (pair.Length != 2 || !TimePattern.Parse(pair[0]).TryGetValue(default, out start))
        {
            error = $"times '{text}' are not HH:mm-HH:mm";
            return false;
        }

        if (pair[1] == "24:00")
        {
            error = null;
            return true; // end of the day
        }

        if (!TimePattern.Parse(pair[1]).TryGetValue(default, out var parsedEnd))
        {
            error = $"times '{text}' are not HH:mm-HH:mm";
            return false;
        }

        end = parsedEnd;
        error = null;
        return true;
    }

    private sealed record Window(HashSet<IsoDayOfWeek> Days, LocalTime Start, LocalTime? End)
    {
        public Interval? Occurrence(LocalDate day)
        {
            if (!Days.Contains(day.DayOfWeek))
            {
                return null;
            }

            var endDate = End is { } e && e > Start ? day : day.PlusDays(1);
            var endTime = End ?? LocalTime.Midnight;
            return new Interval(
                London.AtLeniently(day + Start).ToInstant(),
                London.AtLeniently(endDate + endTime).ToInstant());
        }

        public override string ToString()
        {
            var ordered = Days.OrderBy(d => d).ToList();
            string days = ordered.Count == 7 ? "daily" : string.Join(",", ordered.Select(d => DayNames[(int)d - 1]));
            return string.Create(CultureInfo.InvariantCulture, $"{days} {TimePattern.Format(Start)}-{(End is { } e ? TimePattern.Format(e) : "24:00")}");
        }
    }
}
