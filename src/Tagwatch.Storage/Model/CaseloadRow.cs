namespace Tagwatch.Storage.Model;

/// <summary>One person on a probation officer's caseload.</summary>
public sealed class CaseloadRow
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string OffenderReference { get; set; }
}
