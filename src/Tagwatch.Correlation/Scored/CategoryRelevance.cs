using Tagwatch.Core.Crimes;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Correlation.Scored;

/// <summary>Whether a crime's category is related to a person's index offences (same kind of offending).</summary>
public static class CategoryRelevance
{
    private static readonly Dictionary<IndexOffence, CrimeCategory[]> Related = new()
    {
        [IndexOffence.WeaponPossession] = [CrimeCategory.WeaponPossession, CrimeCategory.Wounding, CrimeCategory.Robbery, CrimeCategory.Assault, CrimeCategory.AggravatedBurglary],
        [IndexOffence.ThreateningWithWeapon] = [CrimeCategory.WeaponPossession, CrimeCategory.Wounding, CrimeCategory.Robbery, CrimeCategory.Assault],
        [IndexOffence.Robbery] = [CrimeCategory.Robbery, CrimeCategory.TheftFromPerson, CrimeCategory.WeaponPossession],
        [IndexOffence.Wounding] = [CrimeCategory.Wounding, CrimeCategory.Assault, CrimeCategory.WeaponPossession],
        [IndexOffence.GrievousBodilyHarm] = [CrimeCategory.Wounding, CrimeCategory.Assault, CrimeCategory.WeaponPossession],
        [IndexOffence.AggravatedBurglary] = [CrimeCategory.AggravatedBurglary, CrimeCategory.BurglaryDwelling, CrimeCategory.BurglaryOther, CrimeCategory.Robbery],
        [IndexOffence.Burglary] = [CrimeCategory.BurglaryDwelling, CrimeCategory.BurglaryOther, CrimeCategory.AggravatedBurglary],
        [IndexOffence.Theft] = [CrimeCategory.TheftFromPerson, CrimeCategory.TheftFromMotorVehicle, CrimeCategory.TheftOfMotorVehicle],
    };

    /// <summary>True when any index offence is of the same kind as the crime.</summary>
    public static bool IsRelated(CrimeCategory crime, IEnumerable<IndexOffence> offences) =>
        offences.Any(o => Related.TryGetValue(o, out var categories) && categories.Contains(crime));
}
