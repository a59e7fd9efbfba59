namespace Tagwatch.Storage.Model;

/// <summary>The scheme's settings (a single row, key 1).</summary>
public sealed class SchemeRow
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string BoroughCodes { get; set; }

    public int Capacity { get; set; }

    public required string StartDate { get; set; }

    public int LengthMonths { get; set; }

    public int MaxMonitoringMonths { get; set; }

    public required string EligibleOffences { get; set; }

    public required string CorrelationMinimumTier { get; set; }
}
