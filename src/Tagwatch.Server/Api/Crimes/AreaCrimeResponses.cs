using Tagwatch.Application.Crimes;

namespace Tagwatch.Server.Api.Crimes;

/// <summary>Published street-level crimes counted per anonymised map point: the months covered, the busiest places
/// (<paramref name="ShownCrimes"/> of <paramref name="TotalCrimes"/> crimes; <paramref name="Capped"/> when places were
/// left out).</summary>
public sealed record AreaCrimePlacesResponse(
    string From, string To, int ShownCrimes, int TotalCrimes, int ShownPlaces, int TotalPlaces, bool Capped,
    IReadOnlyList<AreaCrimePlaceResponse> Places)
{
    internal static AreaCrimePlacesResponse Of(AreaCrimePlaces places) => new(
        CrimeMonthCountsResponse.Month(places.From), CrimeMonthCountsResponse.Month(places.To), places.ShownCrimes, places.TotalCrimes,
        places.Places.Count, places.TotalPlaces, places.Capped,
        places.Places.Select(p => new AreaCrimePlaceResponse(p.Latitude, p.Longitude, p.Crimes,
            p.ByType.Select(t => new AreaCrimeTypeCountResponse(t.CrimeType, t.Count)).ToList())).ToList());
}

/// <summary>One anonymised map point: how many crimes in all and per published crime type, most first.</summary>
public sealed record AreaCrimePlaceResponse(double Lat, double Lon, int Crimes, IReadOnlyList<AreaCrimeTypeCountResponse> ByType);

/// <summary>How many crimes of one published type.</summary>
public sealed record AreaCrimeTypeCountResponse(string CrimeType, int Count);
