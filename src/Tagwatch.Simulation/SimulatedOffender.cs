using NodaTime;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Simulation;

/// <summary>A synthetic person on the pilot, with their tag.</summary>
public sealed record SimulatedOffender(
    OffenderReference Reference,
    TagId Tag,
    PersonalDetails Person,
    IndexOffence IndexOffence,
    RiskTier RiskTier,
    string HomeBoroughCode,
    GeoPoint Home,
    LocalDate LicenceStart,
    LocalDate LicenceEnd);
