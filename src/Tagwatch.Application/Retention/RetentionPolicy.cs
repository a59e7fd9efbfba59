namespace Tagwatch.Application.Retention;

/// <summary>
/// How long each kind of data is kept, in days. Trails default to the national service's six years; the audit log
/// outlives the data it describes (seven years), so every erasure stays accountable.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>Fixes and device events (alarms, battery).</summary>
    public int TrailDays { get; init; } = 6 * 365;

    /// <summary>The raw bytes devices sent.</summary>
    public int RawFrameDays { get; init; } = 6 * 365;

    /// <summary>Alerts (counted from when they ended) and their trails.</summary>
    public int AlertDays { get; init; } = 6 * 365;

    /// <summary>Matches (counted from their last change) with their history and reviews.</summary>
    public int MatchDays { get; init; } = 6 * 365;

    /// <summary>Crimes (counted from the end of their window) that no kept match refers to.</summary>
    public int CrimeDays { get; init; } = 6 * 365;

    /// <summary>Audit records and location-search records.</summary>
    public int AuditDays { get; init; } = 7 * 365;

    /// <summary>Every problem, named by its setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var (name, days) in Kinds())
        {
            if (days < 1)
            {
                problems.Add($"retention:{name}: {days} must be at least 1 day");
            }
        }

        int longest = Kinds().Where(k => k.Name != "audit-days").Max(k => k.Days);
        if (AuditDays < longest)
        {
            problems.Add($"retention:audit-days: {AuditDays} must be at least the longest other period ({longest}) so erasures stay on record");
        }

        return problems;
    }

    private IEnumerable<(string Name, int Days)> Kinds() =>
    [
        ("trail-days", TrailDays), ("raw-frame-days", RawFrameDays), ("alert-days", AlertDays), ("match-days", MatchDays), ("crime-days", CrimeDays), ("audit-days", AuditDays),
    ];
}
