namespace Tagwatch.Application.Crimes;

/// <summary>One anonymised map point and the area crimes snapped to it: how many in all and per published crime type
/// (most first).</summary>
public sealed record AreaCrimePlace(double Latitude, double Longitude, int Crimes, IReadOnlyList<AreaCrimeTypeCount> ByType);

/// <summary>How many area crimes of one published type.</summary>
public sealed record AreaCrimeTypeCount(string CrimeType, int Count);
