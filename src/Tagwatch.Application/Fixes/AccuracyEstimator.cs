using Tagwatch.Core.Fixes;

namespace Tagwatch.Application.Fixes;

/// <summary>Estimates the accuracy radius of a satellite fix whose device reports none (GT06, H02, and OsmAnd or files
/// that give only HDOP), so that such fixes can be evidence, marked as estimated.</summary>
/// <remarks>
/// The rule, in order (docs/correlation.md explains the defaults):
/// <list type="number">
/// <item>No estimate for a fix the device marked invalid (no lock: the position is the receiver's last, not a
/// measurement), one whose time the device did not send, or a cell-tower or Wi-Fi position.</item>
/// <item>HDOP reported: HDOP × <see cref="UereMetres"/>, at least <see cref="MinimumMetres"/>.</item>
/// <item>Otherwise the device model's default (<see cref="Models"/>, by the registry's model name, else by its protocol,
/// else <see cref="DefaultMetres"/>), scaled by the satellites used when reported: ×1 from 7, ×1.5 for 5–6, ×2 for 4,
/// ×3 for 3 or fewer (a two-dimensional or stale solution).</item>
/// </list>
/// Thread-safe: immutable.
/// </remarks>
public sealed record AccuracyEstimator
{
    /// <summary>User equivalent range error: the metres one unit of HDOP stands for (the figure the GPX and NMEA readers use).</summary>
    public double UereMetres { get; init; } = 5;

    /// <summary>No estimate is smaller than this, in metres: HDOP below 1 does not make a tag at ankle height in a street more accurate.</summary>
    public double MinimumMetres { get; init; } = 5;

    /// <summary>Accuracy assumed for a device whose model and protocol have no entry in <see cref="Models"/>, in metres
    /// (a consumer GPS chipset at ankle height in London streets: typically 10–30 m).</summary>
    public double DefaultMetres { get; init; } = 20;

    /// <summary>Typical accuracy with a normal satellite count, in metres, by device model or protocol name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, double> Models { get; init; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The estimated radius in metres, or null when the fix can carry none (see the remarks).</summary>
    /// <param name="source">How the position was obtained.</param>
    /// <param name="valid">Whether the device marked the fix valid and sent its time.</param>
    /// <param name="hdop">Horizontal dilution of precision, when reported.</param>
    /// <param name="satellites">Satellites used, when reported.</param>
    /// <param name="typicalMetres">The device's typical accuracy (<see cref="TypicalFor"/> of its model and protocol).</param>
    public double? Estimate(FixSource source, bool valid, double? hdop, int? satellites, double typicalMetres)
    {
        if (!valid || source is FixSource.Lbs or FixSource.Wifi)
        {
            return null;
        }

        if (hdop is { } h && double.IsFinite(h) && h > 0)
        {
            return Limit(Math.Max(h * UereMetres, MinimumMetres));
        }

        double factor = satellites switch
        {
            null or >= 7 => 1,
            >= 5 => 1.5,
            4 => 2,
            _ => 3,
        };
        return Limit(Math.Max(typicalMetres * factor, MinimumMetres));
    }

    /// <summary>The estimate for a fix already stored without accuracy (nothing but its flags, source and the tag's
    /// model is known any more); null when it can carry none or already has an accuracy.</summary>
    public double? EstimateStored(in Fix fix, double typicalMetres) =>
        fix.AccuracyMetres is not null ? null : Estimate(fix.Source, (fix.Flags & FixFlags.Invalid) == 0, null, null, typicalMetres);

    /// <summary>Names every problem with the settings.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!double.IsFinite(UereMetres) || UereMetres is <= 0 or > 100)
        {
            problems.Add($"accuracy uere-metres: {UereMetres} must be more than 0 and at most 100");
        }

        foreach (var (name, metres) in new[] { ("minimum-metres", MinimumMetres), ("default-metres", DefaultMetres) }.Concat(Models.Select(m => ($"models:{m.Key}", m.Value))))
        {
            if (!double.IsFinite(metres) || metres is <= 0 or > 1000)
            {
                problems.Add($"accuracy {name}: {metres} must be more than 0 and at most 1000 metres");
            }
        }

        return problems;
    }

    /// <summary>A device's typical accuracy in metres: the entry for its model, else for its protocol, else <see cref="DefaultMetres"/>.</summary>
    public double TypicalFor(string? model, string? protocol) => Find(model) ?? Find(protocol) ?? DefaultMetres;

    // Configuration binding builds a case-sensitive dictionary, so names are compared here.
    private double? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        foreach (var (key, metres) in Models)
        {
            if (string.Equals(key.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return metres;
            }
        }

        return null;
    }

    private static double Limit(double metres) => Math.Round(Math.Min(metres, 6553.4), 1);
}
