using NodaTime;

namespace Tagwatch.Simulation;

/// <summary>Builds a person's true daily routine: home overnight, outings to a few anchor places on foot or by bus or train.</summary>
internal sealed class RoutineGenerator(Random random, DateTimeZone zone)
{
    private const double WalkKmh = 4.8, BusKmh = 14, TrainKmh = 30;

    /// <summary>A place the person goes to: position, how often, and whether they are inside there.</summary>
    public sealed record Anchor(double X, double Y, double Weight, bool Indoors);

    public Trajectory Build(double homeX, double homeY, IReadOnlyList<Anchor> anchors, LocalDate start, int days)
    {
        var legs = new List<Movement>();
        long cursor = ToUnixMs(start, 0);
        double x = homeX, y = homeY;
        for (int d = 0; d < days; d++)
        {
            var date = start.PlusDays(d);
            long dayStart = ToUnixMs(date, 0);
            if (random.NextDouble() < 0.1)
            {
                continue; // a day at home: the overnight dwell simply extends
            }

            long leave = dayStart + Minutes(random.Next(7 * 60, 11 * 60 + 30));
            if (leave <= cursor)
            {
                continue;
            }

            legs.Add(new Movement(cursor, leave, x, y, x, y, Indoors: true, 0, AtHome: true));
            cursor = leave;
            long returnBy = dayStart + Minutes(random.NextDouble() < 0.12 ? random.Next(24 * 60, 26 * 60) : random.Next(17 * 60, 23 * 60 + 30));
            int outings = 1 + random.Next(3);
            for (int o = 0; o < outings && cursor < returnBy; o++)
            {
                var anchor = Pick(anchors);
                cursor = Travel(legs, cursor, ref x, ref y, anchor.X, anchor.Y);
                long dwell = Minutes(random.Next(20, 180));
                legs.Add(new Movement(cursor, cursor + dwell, x, y, x, y, anchor.Indoors && random.NextDouble() < 0.8, 0, AtHome: false));
                cursor += dwell;
            }

            cursor = Travel(legs, cursor, ref x, ref y, homeX, homeY);
        }

        long end = ToUnixMs(start.PlusDays(days), 0);
        if (cursor < end)
        {
            legs.Add(new Movement(cursor, end, x, y, x, y, Indoors: true, 0, AtHome: true));
        }

        return new Trajectory(legs);
    }

    private long Travel(List<Movement> legs, long t, ref double x, ref double y, double toX, double toY)
    {
        double distance = Math.Sqrt((toX - x) * (toX - x) + (toY - y) * (toY - y));
        if (distance < 1)
        {
            return t;
        }

        double speed = distance < 1500 ? WalkKmh : distance < 5000 ? BusKmh : TrainKmh;
        speed *= 0.85 + random.NextDouble() * 0.3;

        // Streets are not straight: go via a waypoint off the direct line.
        double side = (random.NextDouble() - 0.5) * 0.4 * distance;
        double midX = (x + toX) / 2 + side * -(toY - y) / distance;
        double midY = (y + toY) / 2 + side * (toX - x) / distance;
        t = Leg(legs, t, x, y, midX, midY, speed);
        t = Leg(legs, t, midX, midY, toX, toY, speed);
        x = toX;
        y = toY;
        return t;
    }

    private static long Leg(List<Movement> legs, long t, double x0, double y0, double x1, double y1, double speedKmh)
    {
        double metres = Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        long duration = Math.Max(1000, (long)(metres / (speedKmh / 3.6) * 1000));
        legs.Add(new Movement(t, t + duration, x0, y0, x1, y1, Indoors: false, speedKmh, AtHome: false));
        return t + duration;
    }

    private Anchor Pick(IReadOnlyList<Anchor> anchors)
    {
        double total = anchors.Sum(a => a.Weight), r = random.NextDouble() * total;
        foreach (var anchor in anchors)
        {
            r -= anchor.Weight;
            if (r <= 0)
            {
                return anchor;
            }
        }

        return anchors[^1];
    }

    private long ToUnixMs(LocalDate date, int minutes) =>
        date.AtStartOfDayInZone(zone).ToInstant().ToUnixTimeMilliseconds() + Minutes(minutes);

    private static long Minutes(int minutes) => minutes * 60_000L;
}
