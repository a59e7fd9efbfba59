namespace Tagwatch.Core.Geo;

/// <summary>A National Grid position converted to WGS84, with the transformation that produced it.</summary>
/// <param name="Position">The WGS84 position.</param>
/// <param name="Transformation">OSTN15, or the Helmert fallback outside OSTN15's grid.</param>
public readonly record struct Wgs84Conversion(GeoPoint Position, DatumTransformation Transformation)
{
    /// <summary>True when the position lies outside OSTN15's grid and the Helmert shift was used instead.</summary>
    public bool IsHelmertFallback => Transformation == DatumTransformation.HelmertFallback;

    /// <summary>How far the converted position may lie from the same point in the other system, in metres.</summary>
    public double AccuracyMetres => NationalGrid.AccuracyMetres(Transformation);
}
