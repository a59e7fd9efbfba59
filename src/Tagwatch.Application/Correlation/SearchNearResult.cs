namespace Tagwatch.Application.Correlation;

/// <summary>The recorded search and the tags the actor may see that were near, nearest first.</summary>
public sealed record SearchNearResult(LocationSearch Search, IReadOnlyList<NearQuery.Hit> Hits);
