using System.Globalization;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web;

/// <summary>How pages write roles, scopes, times and durations: one wording everywhere, in plain English.</summary>
internal static class WebText
{
    // The build runs in invariant globalisation mode (no en-GB data); the invariant culture writes the same English month names.
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
    public static string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, London).ToString("d MMM yyyy, HH:mm", Culture);

    public static string Date(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, London).ToString("d MMM yyyy", Culture);

    /// <summary>"3 h 20 min", "45 s": a duration in the largest sensible units.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 2 } => $"{(int)span.TotalDays} days {span.Hours} h",
        { TotalHours: >= 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        { TotalMinutes: >= 1 } => $"{(int)span.TotalMinutes} min",
        _ => $"{Math.Max(0, (int)span.TotalSeconds)} s",
    };

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}
