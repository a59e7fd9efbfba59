namespace Tagwatch.Application.Crimes;

/// <summary>The kinds of crime file the scheme takes in.</summary>
public enum CrimeFileFormat
{
    /// <summary>The MoJ crime-mapping batch (matchable crimes, grid or WGS84 positions).</summary>
    Moj,

    /// <summary>police.uk street-level crimes: area context only, never matched to people.</summary>
    PoliceUk,

    /// <summary>Tagwatch's interchange CSV of matchable crimes, for one police force.</summary>
    Tagwatch,
}
