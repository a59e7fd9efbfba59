using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Scored;

/// <summary>Scored mode: the question the scheme runs. Pure; thread-safe.</summary>
/// <remarks>
/// The path is the stored fixes joined by straight lines where they are at most <see cref="ScoringParameters.MaxInterpolationGap"/>
/// apart, so a pass between two fixes is caught at its closest approach. A fix's accuracy circle and the crime's
/// location precision widen the test: a point is inside when its distance ≤ buffer + precision + accuracy. Only
/// fixes that can be evidence count (accuracy known — reported, or estimated where the device reports none — and ≤ the
/// evidence limit; not cell-tower; not flagged invalid, 0,0 or an implausible jump). An estimated accuracy is the
/// point's circle like a reported one, but its fix-quality counts less and the evidence says it is estimated. Silences longer than the interpolation gap are reported as monitoring gaps, with
/// whether the site was reachable in them.
/// </remarks>
public static class ScoredMatcher
{
    /// <summary>Evaluates one crime against one trail; null when the path never touched the buffer.</summary>
    public static ScoredMatch? Evaluate(CrimeSite crime, TagTrail trail, OffenderContext? offender, HabitualPlaces habitual, ScoringParameters parameters) =>
        Evaluate(new CrimeProbe(crime, parameters), trail, offender, habitual);

    /// <summary>Evaluates a prepared crime against one trail; null when the path never touched the buffer.</summary>
    public static ScoredMatch? Evaluate(CrimeProbe probe, TagTrail trail, OffenderContext? offender, HabitualPlaces habitual)
    {
        var crime = probe.Crime;
        var parameters = probe.Parameters;
        long pad = probe.PadMs, gap = probe.GapMs, windowStart = probe.WindowStart, windowEnd = probe.WindowEnd;
        double baseReach = probe.BaseReach;

        // Cheap rejection: no fix, and no leg between fixes, can come within the widest possible reach.
        var reach = probe.Reach;
        if (!trail.Buckets.AnyNearIncludingLegs(windowStart - gap, windowEnd + gap, reach.MinLatitude, reach.MaxLatitude, reach.MinLongitude, reach.MaxLongitude))
        {
            return null;
        }

        // Only buckets whose fixes, or legs starting at them, may come within the screen of the closest-approach test
        // (reach or reported vicinity) can add evidence; the rest are skipped. Fixes are taken in time order as before.
        var state = new Accumulator(crime, baseReach, probe.Frame, probe.VicinityMetres, parameters.EstimatedAccuracyQualityFactor);
        var screen = probe.Screen;
        Span<(int Start, int End)> ranges = stackalloc (int, int)[64];
        int rangeCount = trail.Buckets.NearIncludingLegs(windowStart - gap, windowEnd + gap, screen.MinLatitude, screen.MaxLatitude, screen.MinLongitude, screen.MaxLongitude, ranges);

        // The usable fixes from one interpolation gap before the window to one after, so edge-crossing legs count.
        int first = trail.FirstAtOrAfter(windowStart - gap), end = trail.EndAtOrBefore(windowEnd + gap);
        var fixes = trail.Fixes;
        foreach (var (rangeStart, rangeEnd) in ranges[..rangeCount])
        {
            for (int i = Math.Max(rangeStart, first); i < Math.Min(rangeEnd, end); i++)
            {
                ref readonly var fix = ref fixes[i];
                if (!IsEvidence(fix, parameters.MaxEvidenceAccuracyMetres))
                {
                    continue;
                }

                if (fix.TimeUnixMs >= windowStart && fix.TimeUnixMs <= windowEnd)
                {
                    state.AddFix(fix);
                }

                int next = NextUsable(fixes, i + 1, end, fix.TimeUnixMs + gap, parameters.MaxEvidenceAccuracyMetres);
                if (next < end && fixes[next].TimeUnixMs - fix.TimeUnixMs <= gap && fixes[next].TimeUnixMs > windowStart && fix.TimeUnixMs < windowEnd)
                {
                    state.AddLeg(fix, fixes[next], windowStart, windowEnd);
                }
            }
        }

        if (!state.Touched)
        {
            return null;
        }

        var usable = new List<int>(end - first);
        for (int i = first; i < end; i++)
        {
            if (IsEvidence(fixes[i], parameters.MaxEvidenceAccuracyMetres))
            {
                usable.Add(i);
            }
        }

        var gaps = FindGaps(trail, usable, windowStart, windowEnd, gap, crime, baseReach, parameters.PlausibleSpeedKmh);
        double closeness = 1 - Math.Clamp(state.BestDistance / state.BestReach, 0, 1);
        double dwell = Math.Clamp(state.DwellMs / parameters.FullDwell.TotalMilliseconds, 0, 1);
        double overlap = state.DwellMs > 0
            ? state.DwellInWindowMs / state.DwellMs
            : state.BestTime >= crime.FromUnixMs && state.BestTime <= crime.ToUnixMs ? 1
            : 1 - 0.5 * Math.Clamp(Math.Min(Math.Abs(state.BestTime - crime.FromUnixMs), Math.Abs(state.BestTime - crime.ToUnixMs)) / (double)Math.Max(1, pad), 0, 1);
        double quality = state.QualityCount == 0 ? 0.4 : state.QualitySum / state.QualityCount;
        double relevance = offender is null || CategoryRelevance.IsRelated(crime.Category, offender.IndexOffences) ? 1 : parameters.UnrelatedCategoryFactor;
        string? place = offender is not null && Geodesic.DistanceMetres(crime.Latitude, crime.Longitude, offender.Home.Latitude, offender.Home.Longitude) <= parameters.HabitualRadiusMetres
            ? "home"
            : habitual.IsNear(crime.Latitude, crime.Longitude, crime.FromUnixMs) ? "regular place" : null;
        var factors = new ScoreFactors(closeness, dwell, overlap, quality, relevance, place is null ? 1 : parameters.HabitualDiscount);
        double score = factors.Score;
        return new ScoredMatch
        {
            Crime = crime,
            Tag = trail.Tag,
            OffenderReference = offender?.Reference,
            Score = score,
            Significant = score >= parameters.SignificanceThreshold,
            MinDistanceMetres = state.BestDistance,
            ClosestTimeUnixMs = state.BestTime,
            MarginMetres = state.BestMargin,
            DwellSeconds = state.DwellMs / 1000.0,
            GapSeconds = gaps.Sum(g => (g.ToUnixMs - g.FromUnixMs) / 1000.0),
            Factors = factors,
            Evidence = state.Evidence(),
            Gaps = gaps,
            HabitualPlace = place,
        };
    }

    /// <summary>True when a fix may be evidence of where the person was.</summary>
    public static bool IsEvidence(in Fix fix, double maxAccuracyMetres) =>
        fix.AccuracyMetres is { } accuracy && accuracy <= maxAccuracyMetres
        && fix.Source != FixSource.Lbs && fix.Source != FixSource.Wifi
        && (fix.Flags & (FixFlags.Invalid | FixFlags.ZeroPosition | FixFlags.ImplausibleSpeed)) == 0;

    /// <summary>The first fix at or after <paramref name="from"/> that may be evidence, or the first after
    /// <paramref name="untilUnixMs"/> (too late to end a leg), or <paramref name="end"/>.</summary>
    private static int NextUsable(Fix[] fixes, int from, int end, long untilUnixMs, double maxAccuracyMetres)
    {
        int i = from;
        while (i < end && fixes[i].TimeUnixMs <= untilUnixMs && !IsEvidence(fixes[i], maxAccuracyMetres))
        {
            i++;
        }

        return i;
    }

    private static List<MonitoringGap> FindGaps(TagTrail trail, List<int> usable, long windowStart, long windowEnd, long gap, CrimeSite crime, double reach, double speedKmh)
    {
        var gaps = new List<MonitoringGap>();
        Fix? previous = null;
        foreach (int index in usable)
        {
            var fix = trail.Fixes[index];
            long from = previous?.TimeUnixMs ?? windowStart;
            if (fix.TimeUnixMs - from > gap && fix.TimeUnixMs > windowStart && from < windowEnd)
            {
                gaps.Add(Gap(previous, fix, Math.Max(from, windowStart), Math.Min(fix.TimeUnixMs, windowEnd), crime, reach, speedKmh));
            }

            previous = fix;
        }

        long last = previous?.TimeUnixMs ?? windowStart;
        if (windowEnd - last > gap && last < windowEnd)
        {
            gaps.Add(Gap(previous, null, Math.Max(last, windowStart), windowEnd, crime, reach, speedKmh));
        }

        return gaps;
    }

    private static MonitoringGap Gap(Fix? before, Fix? after, long from, long to, CrimeSite crime, double reach, double speedKmh)
    {
        if (before is not { } a || after is not { } b)
        {
            return new MonitoringGap(from, to, null);
        }

        // Space-time prism: could the person have gone from the last fix to the site and on to the next fix in time?
        double there = Geodesic.DistanceMetres(a.Latitude, a.Longitude, crime.Latitude, crime.Longitude);
        double back = Geodesic.DistanceMetres(crime.Latitude, crime.Longitude, b.Latitude, b.Longitude);
        double available = speedKmh / 3.6 * (b.TimeUnixMs - a.TimeUnixMs) / 1000.0;
        return new MonitoringGap(from, to, there + back - 2 * reach <= available);
    }

    /// <summary>Collects the evidence of one crime–trail pair as fixes and legs are added.</summary>
    private sealed class Accumulator(CrimeSite crime, double baseReach, LocalFrame frame, double vicinityMetres, double estimatedQualityFactor)
    {
        private readonly List<EvidencePoint> _points = [];

        public bool Touched { get; private set; }

        public double BestDistance { get; private set; } = double.MaxValue;

        public double BestReach { get; private set; } = 1;

        public double BestMargin { get; private set; } = double.MaxValue;

        public long BestTime { get; private set; }

        public double DwellMs { get; private set; }

        public double DwellInWindowMs { get; private set; }

        public double QualitySum { get; private set; }

        public int QualityCount { get; private set; }

        public void AddFix(in Fix fix)
        {
            double accuracy = fix.AccuracyMetres!.Value;
            if (!IsNear(fix.Latitude, fix.Longitude, baseReach + accuracy))
            {
                return;
            }

            double distance = Geodesic.DistanceMetres(crime.Latitude, crime.Longitude, fix.Latitude, fix.Longitude);
            Consider(new EvidencePoint(fix.TimeUnixMs, fix.Latitude, fix.Longitude, accuracy, fix.SpeedKmh, fix.HeadingDegrees, distance, distance - baseReach - accuracy, Interpolated: false, IsEstimated(fix)));
        }

        public void AddLeg(in Fix a, in Fix b, long windowStart, long windowEnd)
        {
            double accuracy = Math.Max(a.AccuracyMetres!.Value, b.AccuracyMetres!.Value);
            double reach = baseReach + accuracy;
            var (ax, ay) = frame.Offset(a.Latitude, a.Longitude);
            var (bx, by) = frame.Offset(b.Latitude, b.Longitude);
            double dx = bx - ax, dy = by - ay, duration = b.TimeUnixMs - a.TimeUnixMs;
            double uMin = Math.Max(0, (windowStart - a.TimeUnixMs) / duration), uMax = Math.Min(1, (windowEnd - a.TimeUnixMs) / duration);
            double lengthSquared = dx * dx + dy * dy;

            // Time inside reach: |A + u·D| ≤ reach, a quadratic in u, clipped to the window.
            double qa = lengthSquared, qb = 2 * (ax * dx + ay * dy), qc = ax * ax + ay * ay - reach * reach;
            double inFrom, inTo;
            if (qa < 1e-9)
            {
                (inFrom, inTo) = qc <= 0 ? (uMin, uMax) : (1.0, 0.0);
            }
            else
            {
                double discriminant = qb * qb - 4 * qa * qc;
                (inFrom, inTo) = discriminant < 0 ? (1.0, 0.0) : ((-qb - Math.Sqrt(discriminant)) / (2 * qa), (-qb + Math.Sqrt(discriminant)) / (2 * qa));
                (inFrom, inTo) = (Math.Max(inFrom, uMin), Math.Min(inTo, uMax));
            }

            if (inTo > inFrom)
            {
                DwellMs += (inTo - inFrom) * duration;
                double committedFrom = Math.Max(inFrom, (crime.FromUnixMs - a.TimeUnixMs) / duration);
                double committedTo = Math.Min(inTo, (crime.ToUnixMs - a.TimeUnixMs) / duration);
                DwellInWindowMs += Math.Max(0, committedTo - committedFrom) * duration;
            }

            // Closest approach within the window; reported only when it lies strictly between the fixes.
            double u = qa < 1e-9 ? uMin : Math.Clamp(-(ax * dx + ay * dy) / qa, uMin, uMax);
            if (u <= 0 || u >= 1)
            {
                return;
            }

            var (lat, lon) = frame.At(ax + u * dx, ay + u * dy);
            if (!IsNear(lat, lon, reach))
            {
                return;
            }

            double distance = Geodesic.DistanceMetres(crime.Latitude, crime.Longitude, lat, lon);
            long time = a.TimeUnixMs + (long)Math.Round(u * duration);
            Consider(new EvidencePoint(time, lat, lon, accuracy, null, null, distance, distance - reach, Interpolated: true, IsEstimated(a) || IsEstimated(b)));
        }

        public List<EvidencePoint> Evidence() =>
            _points.Where(p => p.MarginMetres <= 0 || p.DistanceMetres <= vicinityMetres).OrderBy(p => p.TimeUnixMs).Take(200).ToList();

        private static bool IsEstimated(in Fix fix) => (fix.Flags & FixFlags.AccuracyEstimated) != 0;

        /// <summary>Screens in the local frame (with margin) before paying for an exact distance: only points that
        /// could be inside, or in the reported vicinity, are measured exactly.</summary>
        private bool IsNear(double latitude, double longitude, double reach)
        {
            var (east, north) = frame.Offset(latitude, longitude);
            double screen = CrimeProbe.ScreenRadius(reach, vicinityMetres);
            return east * east + north * north <= screen * screen;
        }

        private void Consider(EvidencePoint point)
        {
            _points.Add(point);
            if (point.MarginMetres > 0)
            {
                return;
            }

            Touched = true;
            double quality = 1 - 0.6 * Math.Clamp((point.AccuracyMetres!.Value - 5) / 95, 0, 1);
            QualitySum += point.AccuracyEstimated ? quality * estimatedQualityFactor : quality;
            QualityCount++;
            if (point.DistanceMetres < BestDistance)
            {
                BestDistance = point.DistanceMetres;
                BestReach = point.DistanceMetres - point.MarginMetres;
                BestMargin = point.MarginMetres;
                BestTime = point.TimeUnixMs;
            }
        }
    }
}
