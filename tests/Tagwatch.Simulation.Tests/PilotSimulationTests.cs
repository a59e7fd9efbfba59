using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Geo;

namespace Tagwatch.Simulation.Tests;

public sealed class PilotSimulationTests
{
    private static readonly SimulationOptions Small = new() { Tags = 8, Days = 7, Seed = 5, CrimesPerDay = 100 };

    [Fact]
    public void Create_SameSeed_GivesTheSamePilot()
    {
        var a = PilotSimulation.Create(Small);
        var b = PilotSimulation.Create(Small);

        Assert.Equal(a.Crimes, b.Crimes);
        Assert.Equal(a.Truth, b.Truth);
        Assert.Equal(a.Offenders, b.Offenders);
        Assert.Equal(a.SampleTrail(3).Fixes, b.SampleTrail(3).Fixes);
    }

    [Fact]
    public void Create_OtherSeed_GivesAnotherPilot()
    {
        Assert.NotEqual(PilotSimulation.Create(Small).SampleTrail(0).Fixes, PilotSimulation.Create(Small with { Seed = 6 }).SampleTrail(0).Fixes);
    }

    [Fact]
    public void Offenders_LiveInsideThePilotBoroughs()
    {
        var pilot = PilotSimulation.Create(Small);

        Assert.All(pilot.Offenders, o => Assert.Equal(o.HomeBoroughCode, BoroughMap.London.Locate(o.Home)?.Code));
        Assert.Equal(4, pilot.Offenders.Select(o => o.HomeBoroughCode).Distinct().Count());
    }

    [Fact]
    public void Trails_HaveAboutAFixAMinuteInTimeOrder()
    {
        var pilot = PilotSimulation.Create(Small);

        var fixes = pilot.SampleTrail(0).Fixes;

        Assert.InRange(fixes.Count, 7 * 1440 * 0.7, 7 * 1440);
        Assert.True(fixes.Zip(fixes.Skip(1)).All(p => p.First.TimeUnixMs < p.Second.TimeUnixMs));
    }

    [Fact]
    public void Crimes_AboutTheRequestedRatePerDay()
    {
        var pilot = PilotSimulation.Create(Small);

        int background = pilot.Crimes.Count - pilot.Truth.Count;
        Assert.InRange(background, 7 * 100 * 0.9, 7 * 100 * 1.1);
        Assert.Equal(pilot.Crimes.Count, pilot.Crimes.Select(c => c.Reference).Distinct().Count());
    }

    [Fact]
    public void Truth_PlantedCrimesSitOnTheTrailAndDecoysStayClear()
    {
        var pilot = PilotSimulation.Create(Small);
        var crimes = pilot.Crimes.ToDictionary(c => c.Reference);
        var trails = Enumerable.Range(0, pilot.Offenders.Count).ToDictionary(i => pilot.Offenders[i].Tag, i => pilot.SampleTrail(i).Fixes);
        int plantedNear = 0, planted = 0;

        foreach (var truth in pilot.Truth)
        {
            var crime = crimes[truth.CrimeReference];
            var inWindow = trails[truth.Tag].Where(f => f.Time >= crime.CommittedFrom.Minus(NodaTime.Duration.FromMinutes(2)) && f.Time <= crime.CommittedTo.Plus(NodaTime.Duration.FromMinutes(2)) && f.AccuracyMetres < 100).ToList();
            double nearest = inWindow.Count == 0 ? double.MaxValue : inWindow.Min(f => Geodesic.DistanceMetres(f.Position, crime.Position));
            if (truth.Kind == GroundTruthKind.Planted)
            {
                planted++;
                plantedNear += nearest < 120 ? 1 : 0;
            }
            else
            {
                // Decoys are ≥150 m from the true path; GPS noise and rare outliers may bring a single fix closer.
                Assert.True(nearest > 60, $"decoy {crime.Reference} has a fix {nearest:0} m away");
            }
        }

        Assert.True(planted >= 8);
        Assert.True(plantedNear >= planted * 0.9, $"{plantedNear} of {planted} planted crimes have a fix nearby");
    }

    [Fact]
    public void Create_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => PilotSimulation.Create(Small with { Tags = 0 }));
    }
}
