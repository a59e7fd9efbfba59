using Tagwatch.Core.Crimes;
using Tagwatch.Core.Geo;

namespace Tagwatch.Application.Disclosure;

/// <summary>
/// The National Grid positions a disclosure pack shows — the crime's grid reference and the map's points — converted
/// once, with what each conversion rests on, so the pack can say where the Helmert fallback placed something.
/// </summary>
/// <param name="Crime">The crime's grid position: as the police supplied it, or derived now from the WGS84 they supplied
/// (by OSTN15, whatever transformation was current when the crime was imported). Its transformation is the one that
/// relates the crime's two positions.</param>
/// <param name="Evidence">The evidence points on the grid, in the pack's order.</param>
/// <param name="Vicinity">The vicinity fixes on the grid, in the pack's order.</param>
/// <param name="MapUsesHelmertFallback">Whether any point on the map was placed by the Helmert fallback.</param>
public sealed record PackGridPositions(GridConversion Crime, IReadOnlyList<GridPoint> Evidence, IReadOnlyList<GridPoint> Vicinity, bool MapUsesHelmertFallback)
{
    /// <summary>Converts the positions <paramref name="pack"/> shows.</summary>
    public static PackGridPositions Of(DisclosurePack pack)
    {
        var crime = CrimeGrid(pack.Crime);
        bool fallback = crime.IsHelmertFallback;
        var evidence = new List<GridPoint>(pack.Evidence.Count);
        foreach (var e in pack.Evidence)
        {
            var conversion = NationalGrid.ConvertToGrid(new GeoPoint(e.Latitude, e.Longitude));
            fallback |= conversion.IsHelmertFallback;
            evidence.Add(conversion.Grid);
        }

        var vicinity = new List<GridPoint>(pack.Vicinity.Count);
        foreach (var f in pack.Vicinity)
        {
            var conversion = NationalGrid.ConvertToGrid(f.Position);
            fallback |= conversion.IsHelmertFallback;
            vicinity.Add(conversion.Grid);
        }

        return new PackGridPositions(crime, evidence, vicinity, fallback);
    }

    /// <summary>How the pack states the relation between the crime's WGS84 position and its grid reference.</summary>
    public string CrimeConversionText(Crime crime)
    {
        string how = Crime.IsHelmertFallback
            ? $"the OS 7-parameter Helmert shift ({NationalGrid.HelmertFallbackNote})"
            : "Ordnance Survey's OSTN15, the national standard transformation (WGS84 taken as ETRS89)";
        return crime.ReceivedAsGrid
            ? $"grid reference as supplied; WGS84 position derived from it by {how}"
            : $"WGS84 position as supplied; grid reference derived from it by {how}";
    }

    private static GridConversion CrimeGrid(Crime crime) => crime.ReceivedAsGrid
        ? new GridConversion(crime.Grid, NationalGrid.ConvertToWgs84(crime.Grid).Transformation)
        : NationalGrid.ConvertToGrid(crime.Position);
}
