namespace Tagwatch.Storage.Model;

/// <summary>One correlation run: what triggered it, with which algorithm and parameters, over what data, and what it found.</summary>
public sealed class CorrelationRunRow
{
    public Guid Id { get; set; }

    public required string Mode { get; set; }

    public required string Trigger { get; set; }

    public required string RequestedBy { get; set; }

    public required string AlgorithmVersion { get; set; }

    public required string ParametersJson { get; set; }

    public long DataFromUnixMs { get; set; }

    public long DataToUnixMs { get; set; }

    public int Crimes { get; set; }

    public int Subjects { get; set; }

    public int Matches { get; set; }

    public int Significant { get; set; }

    public long StartedUnixMs { get; set; }

    public long? FinishedUnixMs { get; set; }

    /// <summary><c>running</c>, <c>finished</c> or <c>interrupted</c> (<see cref="Application.Correlation.CorrelationRunStatus"/>).</summary>
    public string Status { get; set; } = "running";
}
