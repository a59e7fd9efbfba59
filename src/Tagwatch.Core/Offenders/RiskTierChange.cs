using NodaTime;

namespace Tagwatch.Core.Offenders;

/// <summary>One entry of a person's risk-tier history.</summary>
public sealed record RiskTierChange(RiskTier Tier, LocalDate EffectiveFrom, string Reason, Instant RecordedAt);
