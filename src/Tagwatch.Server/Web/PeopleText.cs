using Tagwatch.Core.Conditions;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Server.Web;

/// <summary>How the people's pages name tiers, condition kinds and offences.</summary>
internal static class PeopleText
{
    public static string Tier(RiskTier tier) => tier switch
    {
        RiskTier.Low => "Low",
        RiskTier.Medium => "Medium",
        RiskTier.High => "High",
        RiskTier.VeryHigh => "Very high",
        _ => tier.ToString(),
    };

    public static string Kind(ConditionKind kind) => kind switch
    {
        ConditionKind.Exclusion => "Exclusion zone",
        ConditionKind.Inclusion => "Inclusion zone",
        ConditionKind.Curfew => "Curfew",
        _ => kind.ToString(),
    };
}
