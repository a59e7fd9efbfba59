namespace Tagwatch.Simulation;

/// <summary>A person's true, continuous path over the simulated period: consecutive movements without gaps.</summary>
internal sealed class Trajectory(List<Movement> legs)
{
    public IReadOnlyList<Movement> Legs => legs;

    /// <summary>The leg in force at <paramref name="t"/> (the last one after the end).</summary>
    public Movement LegAt(long t)
    {
        int lo = 0, hi = legs.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (legs[mid].T0 <= t)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return legs[lo];
    }

    public (double X, double Y) At(long t) => LegAt(t).At(t);

    /// <summary>Closest true approach to (x, y) between t0 and t1, sampled every 10 s (legs are straight, so this is tight).</summary>
    public double ClosestApproachMetres(double x, double y, long t0, long t1)
    {
        double best = double.MaxValue;
        for (long t = t0; t <= t1; t += 10_000)
        {
            var (px, py) = At(t);
            best = Math.Min(best, Math.Sqrt((px - x) * (px - x) + (py - y) * (py - y)));
        }

        return best;
    }
}
