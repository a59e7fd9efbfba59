namespace Tagwatch.Core.Geo;

/// <summary>Which datum transformation a WGS84 ⇄ National Grid conversion used.</summary>
public enum DatumTransformation
{
    /// <summary>Ordnance Survey's OSTN15 grid: the national standard, reproducing OS's own software to the millimetre.</summary>
    Ostn15,

    /// <summary>
    /// The OS 7-parameter Helmert shift, used only outside OSTN15's grid (north of 1,250 km, at the grid's east edge):
    /// good to about 5 m.
    /// </summary>
    HelmertFallback,
}
