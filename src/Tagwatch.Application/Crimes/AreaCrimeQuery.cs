namespace Tagwatch.Application.Crimes;

/// <summary>Which area crimes to count: those of <paramref name="Months"/> (<c>YYYY-MM</c>), of the given boroughs (null:
/// any, including outside London), of one published crime type when given, inside <paramref name="Bounds"/> when given.
/// Rows with no map point are never counted.</summary>
public sealed record AreaCrimeQuery(
    IReadOnlyList<string> Months, IReadOnlyList<string>? Boroughs, string? CrimeType = null, AreaBounds? Bounds = null);
