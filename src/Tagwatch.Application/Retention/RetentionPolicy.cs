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

    /// <summary>Alerts (counted from when they ended) and their trails and any other rows of theirs.</summary>
    public int AlertDays { get; init; } = 6 * 365;

    /// <summary>Matches with their history, reviews and evidence (and any other rows of theirs), counted from the
    /// crime — the end of its latest version's window — and the evidence's closest fix, whichever is later; not from
    /// the match's last change, so a match computed or reviewed recently on an old crime goes with the crime's data.
    /// One needed for proceedings is kept by a legal hold on the person.</summary>
    public int MatchDays { get; init; } = 6 * 365;

    /// <summary>Crimes, all versions together, counted from the end of the latest version's window, that no kept match
    /// refers to.</summary>
    public int CrimeDays { get; init; } = 6 * 365;

    /// <summary>The records of a person whose monitoring has ended, counted from the monitoring end date: the person
    /// with their identity (personal details), risk-tier history, caseload entries, tag assignments, licence
    /// conditions (zones may be victims' addresses) and whatever alerts and matches of theirs remain.</summary>
    public int IdentityDays { get; init; } = 6 * 365;

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
        ("trail-days", TrailDays), ("raw-frame-days", RawFrameDays), ("alert-days", AlertDays), ("match-days", MatchDays), ("crime-days", CrimeDays), ("identity-days", IdentityDays), ("audit-days", AuditDays),
    ];
}
