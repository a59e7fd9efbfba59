using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Simulation;

/// <summary>Samples what an ankle tag reports from a true path: a fix a minute with realistic noise, indoor gaps,
/// rare outliers, buffered late uploads, and device events.</summary>
internal sealed class FixSampler(Random random, LocalPlane plane, DateTimeZone zone)
{
    public (List<Fix> Fixes, List<DeviceEvent> Events) Sample(TagId tag, Trajectory trajectory, long start, long end)
    {
        var fixes = new List<Fix>((int)((end - start) / 60_000) + 1);
        var events = new List<DeviceEvent>();
        long gapUntil = long.MinValue, bufferUntil = long.MinValue;
        int lastChargingDay = -1;
        for (long minute = start; minute < end; minute += 60_000)
        {
            // Tags stamp fixes with GPS time to the second; the minute cadence drifts by a second or two.
            long t = minute + random.Next(0, 3) * 1000L;
            var leg = trajectory.LegAt(t);
            var (x, y) = leg.At(t);

            if (leg.AtHome)
            {
                int day = (int)(t / 86_400_000);
                int localHour = Instant.FromUnixTimeMilliseconds(t).InZone(zone).Hour;
                if (day != lastChargingDay && localHour >= 20 && random.NextDouble() < 0.05)
                {
                    lastChargingDay = day;
                    if (random.NextDouble() < 0.3)
                    {
                        events.Add(new DeviceEvent(tag, Instant.FromUnixTimeMilliseconds(t - 600_000), "low_battery"));
                    }

                    events.Add(new DeviceEvent(tag, Instant.FromUnixTimeMilliseconds(t), "charging_start"));
                    events.Add(new DeviceEvent(tag, Instant.FromUnixTimeMilliseconds(t + random.Next(60, 150) * 60_000L), "charging_end"));
                }

                if (t > gapUntil && random.NextDouble() < 0.0015)
                {
                    gapUntil = t + random.Next(20, 120) * 60_000L; // deep indoors: no signal at all
                }
            }

            if (random.NextDouble() < 0.00004)
            {
                events.Add(new DeviceEvent(tag, Instant.FromUnixTimeMilliseconds(t), "strap_tamper"));
            }

            // Deep-indoors signal loss lasts while the person stays in; it ends when they go out.
            if (t < gapUntil && leg.AtHome)
            {
                continue;
            }

            double accuracy;
            var source = FixSource.Gps;
            if (leg.Indoors)
            {
                if (random.NextDouble() < 0.12)
                {
                    if (random.NextDouble() > 0.25)
                    {
                        continue; // indoor miss
                    }

                    source = FixSource.Lbs;
                    accuracy = 300 + random.NextDouble() * 900;
                }
                else
                {
                    accuracy = 12 + random.NextDouble() * 28;
                }
            }
            else
            {
                accuracy = 4 + random.NextDouble() * 6;
            }

            double sigma = accuracy / 2;
            double nx = x + random.NextGaussian() * sigma, ny = y + random.NextGaussian() * sigma;
            if (random.NextDouble() < 0.0015)
            {
                double angle = random.NextDouble() * 2 * Math.PI, jump = 200 + random.NextDouble() * 1300;
                nx += Math.Cos(angle) * jump;
                ny += Math.Sin(angle) * jump;
            }

            if (t > bufferUntil && random.NextDouble() < 0.0008)
            {
                bufferUntil = t + random.Next(10, 60) * 60_000L; // out of coverage: fixes are buffered and uploaded later
            }

            long received = t <= bufferUntil ? bufferUntil + random.Next(1000, 5000) : t + random.Next(1000, 5000);
            bool moving = leg.SpeedKmh > 0;
            fixes.Add(Fix.Create(
                Instant.FromUnixTimeMilliseconds(t),
                Instant.FromUnixTimeMilliseconds(received),
                plane.ToPoint(nx, ny),
                Math.Round(accuracy), // devices report whole metres
                moving ? Math.Round(Math.Max(0, leg.SpeedKmh + random.NextGaussian()), 1) : 0,
                moving ? Math.Round(leg.HeadingDegrees, 1) : null,
                source));
        }

        return (fixes, events);
    }
}
