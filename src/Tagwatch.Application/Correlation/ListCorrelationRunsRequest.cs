namespace Tagwatch.Application.Correlation;

/// <summary>The most recent runs, at most <paramref name="Limit"/> (1 to <see cref="ListCorrelationRuns.MaxLimit"/>).</summary>
public sealed record ListCorrelationRunsRequest(int Limit = ListCorrelationRuns.DefaultLimit);
