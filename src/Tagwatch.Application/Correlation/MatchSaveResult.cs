namespace Tagwatch.Application.Correlation;

/// <summary>What saving a run's matches did.</summary>
public sealed record MatchSaveResult(int Created, int Updated, int Unchanged, int Withdrawn);
