using BenchmarkDotNet.Attributes;
using Tagwatch.Core.Fixes;
using Tagwatch.Simulation;
using Tagwatch.Storage.Fixes;

namespace Tagwatch.Benchmarks;

/// <summary>Encode and decode one day of one tag's fixes (about 1,300 fixes).</summary>
[MemoryDiagnoser]
public class FixCodecBenchmarks
{
    private Fix[] _day = [];
    private byte[] _chunk = [];
    private readonly List<Fix> _output = new(2000);

    [GlobalSetup]
    public void Setup()
    {
        var pilot = PilotSimulation.Create(new SimulationOptions { Tags = 1, Days = 1, Seed = 7, CrimesPerDay = 0 });
        _day = [.. pilot.SampleTrail(0).Fixes];
        _chunk = FixChunkCodec.Encode(_day);
    }

    [Benchmark]
    public byte[] Encode() => FixChunkCodec.Encode(_day);

    [Benchmark]
    public int Decode()
    {
        _output.Clear();
        FixChunkCodec.Decode(_chunk, _output);
        return _output.Count;
    }
}
