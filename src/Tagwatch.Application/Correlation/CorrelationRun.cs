using NodaTime;

namespace Tagwatch.Application.Correlation;

/// <summary>The record of one correlation run: why it ran, how, over what, and what it found.</summary>
public sealed record CorrelationRun
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary><c>strict</c> or <c>scored</c>.</summary>
    public required string Mode { get; init; }

    /// <summary><c>manual</c> or <c>automatic</c>.</summary>
    public required string Trigger { get; init; }

    /// <summary>Who asked for it (user name, or the worker's name for automatic runs).</summary>
    public required string RequestedBy { get; init; }

    public required string AlgorithmVersion { get; init; }

    /// <summary>Every parameter, as JSON.</summary>
    public required string ParametersJson { get; init; }

    public required Instant DataFrom { get; init; }

    public required Instant DataTo { get; init; }

    public required Instant Started { get; init; }

    public Instant? Finished { get; init; }

    /// <summary>Running until finished; interrupted when its process stopped first.</summary>
    public CorrelationRunStatus Status { get; init; } = CorrelationRunStatus.Running;

    public int Crimes { get; init; }

    public int Subjects { get; init; }

    public int Matches { get; init; }

    public int Significant { get; init; }
}
