using Tagwatch.Core.Crimes;

namespace Tagwatch.Server.Web.Pages.Crimes;

/// <summary>How the crime pages say a crime's facts.</summary>
public static class CrimeText
{
    /// <summary>The categories that count as knife-related in the trend (robbery, violence, weapon possession): the scheme's
    /// focus, so the chart draws them stronger and says so.</summary>
    public static bool IsKnifeRelated(CrimeCategory category) =>
        category is CrimeCategory.Robbery or CrimeCategory.Wounding or CrimeCategory.Assault or CrimeCategory.WeaponPossession;

    /// <summary>The committed window in London time: one time when it is an instant, else from–to.</summary>
    public static string Committed(Crime crime)
    {
        ArgumentNullException.ThrowIfNull(crime);
        return crime.CommittedFrom == crime.CommittedTo
            ? WebText.Time(crime.CommittedFrom)
            : $"{WebText.Time(crime.CommittedFrom)} to {WebText.Time(crime.CommittedTo)}";
    }
}
