using Tagwatch.Core.Crimes;

namespace Tagwatch.Simulation;

/// <summary>How often each kind of crime happens, when in the day, and how long its committed window is.</summary>
internal sealed record CrimeProfile(CrimeCategory Category, string Code, double Share, int PeakHour, int HourSpread, int MinWindowMinutes, int MaxWindowMinutes)
{
    public static readonly IReadOnlyList<CrimeProfile> All =
    [
        new(CrimeCategory.Robbery, "RB", 0.10, 19, 5, 2, 20),
        new(CrimeCategory.TheftFromPerson, "TFP", 0.12, 15, 5, 5, 45),
        new(CrimeCategory.BurglaryDwelling, "BIAD", 0.15, 14, 6, 60, 600),
        new(CrimeCategory.AggravatedBurglary, "AB", 0.01, 22, 4, 10, 60),
        new(CrimeCategory.BurglaryOther, "BOTD", 0.06, 2, 4, 120, 660),
        new(CrimeCategory.TheftOfMotorVehicle, "TOMV", 0.08, 2, 5, 120, 720),
        new(CrimeCategory.TheftFromMotorVehicle, "TFMV", 0.14, 1, 5, 60, 720),
        new(CrimeCategory.Wounding, "wounding", 0.08, 22, 4, 2, 15),
        new(CrimeCategory.Assault, "assault", 0.17, 21, 5, 2, 20),
        new(CrimeCategory.WeaponPossession, "weapon_possession", 0.05, 18, 5, 1, 10),
        new(CrimeCategory.Other, "other", 0.04, 14, 7, 5, 120),
    ];

    /// <summary>Kinds whose short windows make a match meaningful: these are the ones planted on true paths.</summary>
    public static readonly IReadOnlyList<CrimeProfile> Plantable = [.. All.Where(p => p.MaxWindowMinutes <= 60)];

    public static CrimeProfile Pick(Random random, IReadOnlyList<CrimeProfile> profiles)
    {
        double total = profiles.Sum(p => p.Share), r = random.NextDouble() * total;
        foreach (var profile in profiles)
        {
            r -= profile.Share;
            if (r <= 0)
            {
                return profile;
            }
        }

        return profiles[^1];
    }

    public long WindowMs(Random random) => random.Next(MinWindowMinutes, MaxWindowMinutes + 1) * 60_000L;
}
