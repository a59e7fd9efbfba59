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

    public static string Offence(IndexOffence offence) => offence switch
    {
        IndexOffence.WeaponPossession => "Possession of a bladed article or offensive weapon",
        IndexOffence.Robbery => "Robbery",
        IndexOffence.Wounding => "Wounding",
        IndexOffence.GrievousBodilyHarm => "Grievous bodily harm",
        IndexOffence.AggravatedBurglary => "Aggravated burglary",
        IndexOffence.ThreateningWithWeapon => "Threatening with a bladed article or offensive weapon",
        IndexOffence.Burglary => "Burglary",
        IndexOffence.Theft => "Theft",
        IndexOffence.DrugSupply => "Drug supply",
        IndexOffence.Other => "Another offence",
        _ => offence.ToString(),
    };
}
