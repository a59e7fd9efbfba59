namespace Tagwatch.Core.Boroughs;

/// <summary>A London local authority: one of the 32 boroughs or the City of London.</summary>
/// <param name="Code">The ONS code, e.g. <c>E09000022</c>.</param>
/// <param name="Name">The authority's name, e.g. <c>Lambeth</c>.</param>
public sealed record Borough(string Code, string Name);
