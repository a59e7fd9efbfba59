using System.Globalization;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web;

/// <summary>How pages write roles, scopes, times and durations: one wording everywhere, in plain English.</summary>
internal static class WebText
{
    // The server runs in invariant-globalization mode: English month names come from the invariant culture.
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string RoleName(Role role) => role switch
    {
        Role.Administrator => "Administrator",
        Role.MonitoringOfficer => "Monitoring officer",
        Role.ProbationOfficer => "Probation officer",
        Role.Police => "Police",
        Role.MatchReviewer => "Match reviewer",
        Role.Evaluator => "Evaluator",
        Role.Auditor => "Auditor",
        _ => role.ToString(),
    };

    /// <summary>The scope the header states beside the role: the boroughs of police, the caseload of probation.</summary>
    public static string Scope(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role switch
        {
            Role.Police => actor.Boroughs.Count == 0 ? "no borough" : string.Join(", ", actor.Boroughs.Order(StringComparer.Ordinal).Select(BoroughName)),
            Role.ProbationOfficer => actor.CaseloadOfEveryone ? "every person" : $"caseload of {actor.Caseload.Count} {(actor.Caseload.Count == 1 ? "person" : "people")}",
            _ => "whole scheme",
        };
    }

    public static string BoroughName(string code) => Core.Boroughs.BoroughMap.London.Find(code)?.Name ?? code;

    /// <summary>A UK-style date and time in London time (the scheme's time zone).</summary>
    public static string Time(DateTimeOffset instant) => Time(NodaTime.Instant.FromDateTimeOffset(instant));

    public static string Date(DateTimeOffset instant) => Date(NodaTime.Instant.FromDateTimeOffset(instant).InZone(London).Date);

    /// <summary>"3 h 20 min", "45 s": a duration in the largest sensible units.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 2 } => $"{(int)span.TotalDays} days {span.Hours} h",
        { TotalHours: >= 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        { TotalMinutes: >= 1 } => $"{(int)span.TotalMinutes} min",
        _ => $"{Math.Max(0, (int)span.TotalSeconds)} s",
    };

    public static string Time(NodaTime.Instant instant) => instant.InZone(London).ToString("d MMM yyyy, HH:mm", Culture);

    public static string Date(NodaTime.LocalDate date) => date.ToString("d MMM yyyy", Culture);

    /// <summary>A condition's schedule in words: "at all times", "every day, 19:00 to 07:00 the next morning".</summary>
    public static string Schedule(Core.Conditions.Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.IsAlways)
        {
            return "at all times";
        }

        return string.Join("; ", schedule.Text.Split("; ").Select(window =>
        {
            var parts = window.Split(' ', 2);
            string days = parts[0] == "daily" ? "every day" : string.Join(", ", parts[0].Split(',').Select(DayName));
            var times = parts[1].Split('-');
            bool overnight = string.CompareOrdinal(times[1], times[0]) <= 0 && times[1] != "24:00";
            return $"{days}, {times[0]} to {(times[1] == "24:00" ? "midnight" : times[1])}{(overnight ? " the next morning" : "")}";
        }));
    }

    private static string DayName(string day) => day switch
    {
        "Mon" => "Mondays",
        "Tue" => "Tuesdays",
        "Wed" => "Wednesdays",
        "Thu" => "Thursdays",
        "Fri" => "Fridays",
        "Sat" => "Saturdays",
        "Sun" => "Sundays",
        _ => day,
    };

    /// <summary>The scheme's time zone: pages show, and forms read, London time.</summary>
    public static readonly NodaTime.DateTimeZone London = NodaTime.DateTimeZoneProviders.Tzdb["Europe/London"];
}
