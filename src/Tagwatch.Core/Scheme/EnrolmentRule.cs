namespace Tagwatch.Core.Scheme;

/// <summary>The rules an enrolment is checked against; each refusal names one.</summary>
public enum EnrolmentRule
{
    /// <summary>Aged 18 or over on release.</summary>
    Adult,

    /// <summary>Served a custodial sentence.</summary>
    CustodialSentence,

    /// <summary>Sentenced for an offence the scheme covers.</summary>
    EligibleOffence,

    /// <summary>Released on licence with a GPS condition.</summary>
    GpsCondition,

    /// <summary>Released to an address in a scheme borough.</summary>
    SchemeBorough,

    /// <summary>Licence dates are coherent and fall within the scheme.</summary>
    LicenceDates,

    /// <summary>The scheme has room for one more person.</summary>
    Capacity,
}
