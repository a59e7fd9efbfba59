using NodaTime;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Core.Scheme;

/// <summary>The rules of the monitoring scheme: where, how many, when, and for which offences.</summary>
public sealed record SchemeSettings
{
    /// <summary>Scheme name, e.g. "London knife-crime GPS pilot".</summary>
    public required string Name { get; init; }

    /// <summary>ONS codes of the boroughs a release address must be in.</summary>
    public required IReadOnlyList<string> BoroughCodes { get; init; }

    /// <summary>Most people monitored at once.</summary>
    public required int Capacity { get; init; }

    /// <summary>First day of the scheme.</summary>
    public required LocalDate StartDate { get; init; }

    /// <summary>Scheme length in months.</summary>
    public required int LengthMonths { get; init; }

    /// <summary>Longest monitoring of one person, in months (the licence period, capped at this).</summary>
    public required int MaxMonitoringMonths { get; init; }

    /// <summary>Offences that make a person eligible.</summary>
    public required IReadOnlyList<IndexOffence> EligibleOffences { get; init; }

    /// <summary>People at or above this tier have their trails checked against crimes automatically.</summary>
    public required RiskTier CorrelationMinimumTier { get; init; }

    /// <summary>Last day of the scheme.</summary>
    public LocalDate EndDate => StartDate.PlusMonths(LengthMonths).PlusDays(-1);

    /// <summary>The London pilot: Lambeth, Lewisham, Southwark and Croydon, 100 people, one year from 18 February 2019.</summary>
    public static SchemeSettings LondonPilot { get; } = new()
    {
        Name = "London knife-crime GPS tagging pilot",
        BoroughCodes = ["E09000022", "E09000023", "E09000028", "E09000008"],
        Capacity = 100,
        StartDate = new LocalDate(2019, 2, 18),
        LengthMonths = 12,
        MaxMonitoringMonths = 12,
        EligibleOffences =
        [
            IndexOffence.WeaponPossession, IndexOffence.Robbery, IndexOffence.Wounding,
            IndexOffence.GrievousBodilyHarm, IndexOffence.AggravatedBurglary,
        ],
        CorrelationMinimumTier = RiskTier.Medium,
    };

    /// <summary>Checks the settings are coherent, returning each problem found.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("name must not be empty");
        }

        if (BoroughCodes.Count == 0)
        {
            problems.Add("at least one borough is required");
        }

        if (Capacity < 1)
        {
            problems.Add("capacity must be at least 1");
        }

        if (LengthMonths < 1)
        {
            problems.Add("length must be at least 1 month");
        }

        if (MaxMonitoringMonths < 1)
        {
            problems.Add("maximum monitoring must be at least 1 month");
        }

        if (EligibleOffences.Count == 0)
        {
            problems.Add("at least one eligible offence is required");
        }

        return problems;
    }
}
