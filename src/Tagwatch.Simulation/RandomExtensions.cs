namespace Tagwatch.Simulation;

/// <summary>Deterministic random helpers for the simulator.</summary>
internal static class RandomExtensions
{
    /// <summary>A standard normal sample (Box–Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A seed derived from a base seed and two indices with SplitMix64, stable across processes and runtimes
    /// (unlike <see cref="HashCode"/>, which is randomised per process).</summary>
    public static int DeriveSeed(int seed, int stream, int index)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + ((ulong)stream << 32) + (ulong)index);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & int.MaxValue);
    }
}
