namespace Tagwatch.Application.Crimes;

/// <summary>How many area crimes of one published type share one anonymised map point.</summary>
public sealed record AreaCrimePointCount(double Latitude, double Longitude, string CrimeType, int Count);
