namespace Tagwatch.Storage.Model;

/// <summary>One audit record; the table refuses updates and deletes (triggers) except through the retention purge.</summary>
public sealed class AuditRow
{
    /// <summary>AUTOINCREMENT, so a number once used is never reused and a cut-off tail shows in <c>sqlite_sequence</c>.</summary>
    public long Sequence { get; set; }

    public long AtUnixMs { get; set; }

    public required string Actor { get; set; }

    public required string ActorRole { get; set; }

    public required string Action { get; set; }

    public required string SubjectType { get; set; }

    public string? SubjectId { get; set; }

    public required string Data { get; set; }

    public string? Purpose { get; set; }

    public string? DisclosedTo { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
