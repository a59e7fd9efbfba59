using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Scored;

/// <summary>What scored mode derives from one crime alone — its padded window, its reach and the areas screened
/// around it — worked out once and used against every trail (a run checks each crime against every subject).</summary>
public sealed class CrimeProbe
{
    /// <summary>Prepares <paramref name="crime"/> for checking with <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interpolation gap is longer than a trail's time bucket.</exception>
    public CrimeProbe(CrimeSite crime, ScoringParameters parameters)
    {
        Crime = crime;
        Parameters = parameters;
        PadMs = (long)parameters.Pad.TotalMilliseconds;
        GapMs = (long)parameters.MaxInterpolationGap.TotalMilliseconds;
        if (GapMs > TimeBuckets.BucketMs)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "The interpolation gap must not exceed the trail's time bucket (30 minutes).");
        }

        WindowStart = crime.FromUnixMs - PadMs;
        WindowEnd = crime.ToUnixMs + PadMs;
        BaseReach = parameters.BufferMetres + crime.PrecisionMetres;
        VicinityMetres = parameters.BufferMetres * 3;
        double widestReach = BaseReach + parameters.MaxEvidenceAccuracyMetres;
        Frame = new LocalFrame(crime.Latitude, crime.Longitude);
        Reach = new SearchArea(crime.Latitude, crime.Longitude, widestReach);
        Screen = new SearchArea(crime.Latitude, crime.Longitude, ScreenRadius(widestReach, VicinityMetres));
    }

    /// <summary>The crime.</summary>
    public CrimeSite Crime { get; }

    /// <summary>The parameters it is checked with.</summary>
    public ScoringParameters Parameters { get; }

    internal long PadMs { get; }

    internal long GapMs { get; }

    /// <summary>Start of the committed window less the pad.</summary>
    internal long WindowStart { get; }

    /// <summary>End of the committed window plus the pad.</summary>
    internal long WindowEnd { get; }

    /// <summary>Buffer plus the crime's location precision; a point is inside when its distance ≤ this + its accuracy.</summary>
    internal double BaseReach { get; }

    /// <summary>Points this close are reported as evidence even when outside the reach (context for the reviewer).</summary>
    internal double VicinityMetres { get; }

    internal LocalFrame Frame { get; }

    /// <summary>Everything within the widest reach (buffer + precision + the largest evidence accuracy).</summary>
    internal SearchArea Reach { get; }

    /// <summary>Everything the closest-approach test may measure exactly: the widest reach or the vicinity.</summary>
    internal SearchArea Screen { get; }

    /// <summary>Radius, in the local frame, within which a point at <paramref name="reach"/> is measured exactly: the
    /// reach or the reported vicinity, whichever is larger, with the frame's margin.</summary>
    internal static double ScreenRadius(double reach, double vicinityMetres) => Math.Max(reach, vicinityMetres) * 1.02 + 1;
}
