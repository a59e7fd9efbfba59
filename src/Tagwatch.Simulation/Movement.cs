namespace Tagwatch.Simulation;

/// <summary>One leg of a person's true movement: from (x0, y0) at t0 to (x1, y1) at t1, in local metres and Unix ms.</summary>
/// <param name="Indoors">True while dwelling inside a building (home, a shop): GPS is degraded or absent.</param>
/// <param name="SpeedKmh">Travel speed for a moving leg, 0 when dwelling.</param>
/// <param name="AtHome">True while at the home address.</param>
internal readonly record struct Movement(long T0, long T1, double X0, double Y0, double X1, double Y1, bool Indoors, double SpeedKmh, bool AtHome)
{
    public (double X, double Y) At(long t)
    {
        if (T1 <= T0)
        {
            return (X1, Y1);
        }

        double f = Math.Clamp((t - T0) / (double)(T1 - T0), 0, 1);
        return (X0 + (X1 - X0) * f, Y0 + (Y1 - Y0) * f);
    }

    public double HeadingDegrees => (Math.Atan2(X1 - X0, Y1 - Y0) * 180 / Math.PI + 360) % 360;
}
