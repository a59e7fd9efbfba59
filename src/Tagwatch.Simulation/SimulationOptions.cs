using NodaTime;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Simulation;

/// <summary>Size and shape of a simulated pilot.</summary>
public sealed record SimulationOptions
{
    /// <summary>Number of tagged people.</summary>
    public int Tags { get; init; } = 100;

    /// <summary>Days simulated.</summary>
    public int Days { get; init; } = 30;

    /// <summary>Seed: the same seed gives the same pilot, byte for byte.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>First simulated day (UK local); everyone's licence starts then.</summary>
    public LocalDate Start { get; init; } = SchemeSettings.LondonPilot.StartDate;

    /// <summary>When set, the pilot lives in the present: its history is the <see cref="Days"/> × 24 hours up to this
    /// instant (for a demo, now), the scheme opened some months before and runs on past it, licences started before the
    /// history and end after it (but for one person in fifty, whose licence ended during it), and
    /// <see cref="Start"/> is not used.</summary>
    public Instant? Until { get; init; }

    /// <summary>Background crimes per day across the four boroughs.</summary>
    public int CrimesPerDay { get; init; } = 400;

    /// <summary>Crimes planted on each person's true path per simulated week.</summary>
    public double PlantedPerTagPerWeek { get; init; } = 1.5;

    /// <summary>Validates the options, returning each problem.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Tags is < 1 or > 100_000)
        {
            problems.Add("tags must be from 1 to 100000");
        }

        if (Days is < 1 or > 3660)
        {
            problems.Add("days must be from 1 to 3660");
        }

        if (CrimesPerDay is < 0 or > 100_000)
        {
            problems.Add("crimes per day must be from 0 to 100000");
        }

        if (PlantedPerTagPerWeek is < 0 or > 100)
        {
            problems.Add("planted crimes per tag per week must be from 0 to 100");
        }

        return problems;
    }
}
