using BenchmarkDotNet.Attributes;
using Tagwatch.Correlation;
using Tagwatch.Correlation.Grid;
using Tagwatch.Correlation.Trails;
using Tagwatch.Simulation;

namespace Tagwatch.Benchmarks;

/// <summary>The engine's kernels on a simulated pilot held in memory: filing every fix into the day grids, and one
/// crime checked against every tag through the warm grid (cycling through 1,000 real crimes).</summary>
[MemoryDiagnoser]
public class CorrelationKernelBenchmarks
{
    private List<TagTrail> _trails = [];
    private List<CrimeSite> _crimes = [];
    private FixGrid _grid = null!;
    private int _next;

    [Params(100)]
    public int Tags { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var pilot = PilotSimulation.Create(new SimulationOptions { Tags = Tags, Days = 30, Seed = 3 });
        _trails = Enumerable.Range(0, pilot.Offenders.Count).Select(i => new TagTrail(pilot.Offenders[i].Tag, pilot.SampleTrail(i).Fixes)).ToList();
        _crimes = pilot.Crimes.Take(1000).Select(CrimeSite.From).ToList();
        _grid = FixGrid.FromTrails(_trails);
    }

    [Benchmark]
    public FixGrid BuildGrid() => FixGrid.FromTrails(_trails);

    [Benchmark]
    public int OneCrimeWarmGrid()
    {
        var crime = _crimes[_next++ % _crimes.Count];
        return _grid.Near(crime.Latitude, crime.Longitude, 100, crime.FromUnixMs - 600_000, crime.ToUnixMs + 600_000).Count;
    }
}
