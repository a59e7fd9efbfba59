using Tagwatch.Application.Matches;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Server.Web.Pages.Matches;

/// <summary>
/// What a match's evidence map draws (the <c>evidence-map</c> script reads it from the page): the crime point and its
/// stated precision, the search buffer around it, the evidence points with their confidence circles in time order
/// (interpolated ones marked), and the monitoring gaps. Times are already written in UK form for the labels.
/// </summary>
internal sealed record EvidenceMapData(EvidenceMapData.CrimePoint? Crime, double BufferMetres, IReadOnlyList<EvidenceMapData.Point> Points, IReadOnlyList<EvidenceMapData.Gap> Gaps)
{
    public sealed record CrimePoint(double Lat, double Lon, double PrecisionMetres, string Label);

    public sealed record Point(long TimeMs, string Time, double Lat, double Lon, double? AccuracyMetres, bool Estimated, bool Interpolated, double DistanceMetres);

    public sealed record Gap(long FromMs, long ToMs, string Label);

    public static EvidenceMapData From(MatchView view, IReadOnlyList<EvidencePoint> evidence, IReadOnlyList<MonitoringGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(view);
        var crime = view.Crime is { } c
            ? new CrimePoint(c.Position.Latitude, c.Position.Longitude, c.LocationPrecisionMetres, $"Crime {c.Force}/{c.Reference}: {MatchText.Category(c.Category)}")
            : null;
        return new EvidenceMapData(
            crime,
            view.BufferMetres,
            evidence.Select(p => new Point(p.TimeUnixMs, ClockTime(p.TimeUnixMs), p.Latitude, p.Longitude, p.AccuracyMetres, p.AccuracyEstimated, p.Interpolated, Math.Round(p.DistanceMetres, 1))).ToList(),
            gaps.Select(g => new Gap(g.FromUnixMs, g.ToUnixMs, $"Monitoring gap {ClockTime(g.FromUnixMs)} to {ClockTime(g.ToUnixMs)} ({WebText.Duration(TimeSpan.FromMilliseconds(g.ToUnixMs - g.FromUnixMs))})")).ToList());
    }

    /// <summary>"14:03:20" in London time: points of one match lie within an hour or two of each other.</summary>
    public static string ClockTime(long unixMs) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), London).ToString("HH:mm:ss", WebText.Culture);

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}
