namespace Tagwatch.Storage.Model;

/// <summary>A published street-level crime kept as area context (never matched against people).</summary>
public sealed class AreaCrimeRow
{
    public long Id { get; set; }

    public string? CrimeId { get; set; }

    /// <summary>Month as <c>YYYY-MM</c>.</summary>
    public required string Month { get; set; }

    public required string ReportedBy { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public required string Location { get; set; }

    public required string LsoaCode { get; set; }

    public required string LsoaName { get; set; }

    public required string CrimeType { get; set; }

    public required string LastOutcome { get; set; }

    public string? BoroughCode { get; set; }

    /// <summary>Hash of the row's content, so re-importing the same file adds nothing.</summary>
    public required string ContentHash { get; set; }
}
