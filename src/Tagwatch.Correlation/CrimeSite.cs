namespace Tagwatch.Correlation;

/// <summary>What the engine needs of a crime: where, and the window in which it was committed.</summary>
/// <param name="Reference">Identifies the crime in results (force reference, with version where it matters).</param>
/// <param name="Latitude">WGS84 latitude, degrees.</param>
/// <param name="Longitude">WGS84 longitude, degrees.</param>
/// <param name="FromUnixMs">Start of the committed window.</param>
/// <param name="ToUnixMs">End of the committed window.</param>
/// <param name="PrecisionMetres">Radius within which the true location lies.</param>
/// <param name="Category">What kind of crime (for relevance to a person's offences).</param>
/// <param name="Version">The crime's version.</param>
/// <param name="Force">The force that reported it.</param>
public sealed record CrimeSite(string Reference, double Latitude, double Longitude, long FromUnixMs, long ToUnixMs, double PrecisionMetres = 0,
    Core.Crimes.CrimeCategory Category = Core.Crimes.CrimeCategory.Other, int Version = 1, string Force = "")
{
    /// <summary>The engine's view of a stored crime.</summary>
    public static CrimeSite From(Core.Crimes.Crime crime) => new(
        crime.Reference,
        crime.Position.Latitude,
        crime.Position.Longitude,
        crime.CommittedFrom.ToUnixTimeMilliseconds(),
        crime.CommittedTo.ToUnixTimeMilliseconds(),
        crime.LocationPrecisionMetres,
        crime.Category,
        crime.Version,
        crime.Force);
}
