namespace Tagwatch.Core.Offenders;

/// <summary>Offences for which a person was sentenced; the first five are the knife-crime scope of the London scheme.</summary>
public enum IndexOffence
{
    /// <summary>Possession of a bladed article or offensive weapon.</summary>
    WeaponPossession,

    /// <summary>Robbery.</summary>
    Robbery,

    /// <summary>Wounding (s.20 / s.18).</summary>
    Wounding,

    /// <summary>Grievous bodily harm.</summary>
    GrievousBodilyHarm,

    /// <summary>Aggravated burglary.</summary>
    AggravatedBurglary,

    /// <summary>Threatening with a bladed article or offensive weapon.</summary>
    ThreateningWithWeapon,

    /// <summary>Burglary.</summary>
    Burglary,

    /// <summary>Theft (from the person, of or from vehicles).</summary>
    Theft,

    /// <summary>Drug supply.</summary>
    DrugSupply,

    /// <summary>Any other offence.</summary>
    Other,
}
