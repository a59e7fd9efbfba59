namespace Tagwatch.Core.Crimes;

/// <summary>What kind of crime was reported; drives relevance to an offender's index offences.</summary>
public enum CrimeCategory
{
    /// <summary>Robbery (MoJ type RB).</summary>
    Robbery,

    /// <summary>Burglary in a dwelling (MoJ type BIAD).</summary>
    BurglaryDwelling,

    /// <summary>Aggravated burglary (MoJ type AB).</summary>
    AggravatedBurglary,

    /// <summary>Burglary other than a dwelling (MoJ type BOTD).</summary>
    BurglaryOther,

    /// <summary>Theft of a motor vehicle (MoJ type TOMV).</summary>
    TheftOfMotorVehicle,

    /// <summary>Theft from the person (MoJ type TFP).</summary>
    TheftFromPerson,

    /// <summary>Theft from a motor vehicle (MoJ type TFMV).</summary>
    TheftFromMotorVehicle,

    /// <summary>Wounding or grievous bodily harm.</summary>
    Wounding,

    /// <summary>Possession of a bladed article or offensive weapon.</summary>
    WeaponPossession,

    /// <summary>Assault short of wounding.</summary>
    Assault,

    /// <summary>Any other crime.</summary>
    Other,
}
