using System.Runtime.InteropServices;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;

namespace Tagwatch.Application.Fixes;

/// <summary>Flags fixes with quality concerns. Flags never drop a fix: matching and alerting decide what to trust.</summary>
/// <remarks>Thresholds are properties so a deployment can tune them; defaults suit ankle tags reporting once a minute.</remarks>
public sealed record FixQualityRules
{
    /// <summary>Accuracy radius above which a fix is <see cref="FixFlags.LowAccuracy"/>, in metres.</summary>
    public double LowAccuracyMetres { get; init; } = 100;

    /// <summary>How far a fix time may lead its received time (device clock drift) before <see cref="FixFlags.FutureTime"/>.</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after its fix time a fix may arrive before it is <see cref="FixFlags.Late"/>; null to not assess
    /// arrival (a file import is not an upload by the device, so its received time says nothing about the device).</summary>
    public TimeSpan? LateAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Speed between consecutive fixes above which the later is <see cref="FixFlags.ImplausibleSpeed"/>, in km/h.</summary>
    public double ImplausibleSpeedKmh { get; init; } = 250;

    /// <summary>How an accuracy is estimated for a fix whose device reports none (live ingest stores the estimate;
    /// correlation estimates fixes stored without one when it reads them).</summary>
    public AccuracyEstimator Accuracy { get; init; } = new();

    /// <summary>Flags that depend on the fix alone.</summary>
    public FixFlags Assess(in Fix fix)
    {
        var flags = FixFlags.None;
        if (fix.LatitudeE7 == 0 && fix.LongitudeE7 == 0)
        {
            flags |= FixFlags.ZeroPosition;
        }

        long receivedMs = fix.ReceivedUnixSeconds * 1000;
        if (fix.TimeUnixMs > receivedMs + (long)FutureTolerance.TotalMilliseconds)
        {
            flags |= FixFlags.FutureTime;
        }
        else if (LateAfter is { } lateAfter && receivedMs - fix.TimeUnixMs > (long)lateAfter.TotalMilliseconds)
        {
            flags |= FixFlags.Late;
        }

        if (fix.AccuracyMetres is null)
        {
            flags |= FixFlags.AccuracyAssumed;
        }
        else if (fix.AccuracyMetres > LowAccuracyMetres)
        {
            flags |= FixFlags.LowAccuracy;
        }

        return flags;
    }

    /// <summary>Flags every fix of one tag, sorting it in place (<see cref="FixOrder"/>), including jumps between consecutive fixes.</summary>
    public void AssessTrail(List<Fix> trail) => AssessTrail(trail, null);

    /// <summary>Flags every fix of one tag as <see cref="AssessTrail(List{Fix})"/> does, continuing from
    /// <paramref name="before"/>, the tag's last trusted fix before this trail (live ingest sees a trail a piece at a time).</summary>
    public void AssessTrail(List<Fix> trail, Fix? before)
    {
        var span = CollectionsMarshal.AsSpan(trail);
        if (!FixOrder.IsSorted(span))
        {
            span.Sort(FixOrder.Instance);
        }

        Fix? previous = before is { } b && trail.Count > 0 && b.TimeUnixMs <= trail[0].TimeUnixMs ? b : null;
        for (int i = 0; i < trail.Count; i++)
        {
            var fix = trail[i];
            var flags = Assess(fix);
            if (previous is { } p && (p.Flags & (FixFlags.ZeroPosition | FixFlags.Invalid)) == 0 && (flags & FixFlags.ZeroPosition) == 0)
            {
                double hours = (fix.TimeUnixMs - p.TimeUnixMs) / 3_600_000.0;
                double km = Geodesic.ApproximateDistanceMetres(p.Latitude, p.Longitude, fix.Latitude, fix.Longitude) / 1000;
                if (hours > 0 && km / hours > ImplausibleSpeedKmh && km > 1)
                {
                    flags |= FixFlags.ImplausibleSpeed;
                }
            }

            fix = fix.WithFlags(flags);
            trail[i] = fix;
            if ((flags & FixFlags.ImplausibleSpeed) == 0)
            {
                previous = fix;
            }
        }
    }
}
