using NodaTime;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Core.Scheme;

/// <summary>What probation submits to enrol a person leaving custody.</summary>
public sealed record EnrolmentRequest
{
    /// <summary>Identifying details.</summary>
    public required PersonalDetails Person { get; init; }

    /// <summary>Offences of the sentence just served.</summary>
    public required IReadOnlyList<IndexOffence> IndexOffences { get; init; }

    /// <summary>True when the person served a custodial sentence for those offences.</summary>
    public required bool CustodialSentenceServed { get; init; }

    /// <summary>True when the licence carries a GPS monitoring condition.</summary>
    public required bool GpsLicenceCondition { get; init; }

    /// <summary>Release date: the first day of the licence.</summary>
    public required LocalDate LicenceStart { get; init; }

    /// <summary>Last day of the licence.</summary>
    public required LocalDate LicenceEnd { get; init; }

    /// <summary>The approved release address as a point.</summary>
    public required GeoPoint ReleaseAddress { get; init; }

    /// <summary>Assessed risk tier at release.</summary>
    public required RiskTier RiskTier { get; init; }
}
