namespace Tagwatch.Core.Geo;

/// <summary>A WGS84 position converted to the National Grid, with the transformation that produced it.</summary>
/// <param name="Grid">The National Grid position.</param>
/// <param name="Transformation">OSTN15, or the Helmert fallback outside OSTN15's grid.</param>
public readonly record struct GridConversion(GridPoint Grid, DatumTransformation Transformation)
{
    /// <summary>True when the position lies outside OSTN15's grid and the Helmert shift was used instead.</summary>
    public bool IsHelmertFallback => Transformation == DatumTransformation.HelmertFallback;

    /// <summary>How far the converted position may lie from the same point in the other system, in metres.</summary>
    public double AccuracyMetres => NationalGrid.AccuracyMetres(Transformation);
}
