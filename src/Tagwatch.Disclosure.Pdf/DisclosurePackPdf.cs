using System.Globalization;
using System.Text.Json;
using NodaTime;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tagwatch.Application.Disclosure;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Geo;
using Tagwatch.Correlation.Scored;
using Tagwatch.Disclosure.Pdf.Maps;

namespace Tagwatch.Disclosure.Pdf;

/// <summary>Renders a disclosure pack as PDF: request, subject, exhibits (map, table of points, gaps), score, witness statement, caveat.</summary>
public static class DisclosurePackPdf
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>Renders <paramref name="pack"/> with its map on the plain background (no street map source).</summary>
    public static void Render(DisclosurePack pack, Stream output) => Render(pack, output, MapBackdrop.Plain(MapBackdrop.NotConfigured));

    /// <summary>Renders <paramref name="pack"/> with its map on street map tiles from <paramref name="tiles"/> when it
    /// has them, else on the plain background; the pack says which. A tile source that fails never fails the pack.</summary>
    public static async Task RenderAsync(DisclosurePack pack, Stream output, IMapTiles tiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(tiles);
        MapBackdrop backdrop;
        try
        {
            var area = MapView.Of(pack, PackGridPositions.Of(pack)).Area();
            backdrop = await tiles.GetAsync(area, cancellationToken);
        }
        catch (ArgumentOutOfRangeException)
        {
            backdrop = MapBackdrop.Plain("the map's area lies outside the National Grid");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A tile source is a convenience: whatever goes wrong with it, the pack is still produced, on the plain map.
            backdrop = MapBackdrop.Plain("the street map could not be had");
        }

        Render(pack, output, backdrop);
    }

    /// <summary>Renders <paramref name="pack"/> with its map on <paramref name="backdrop"/>.</summary>
    public static void Render(DisclosurePack pack, Stream output, MapBackdrop backdrop)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(backdrop);
        EmbeddedFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"Disclosure pack — match {pack.Match.Id} — {pack.Crime.Force} {pack.Crime.Reference}";
        document.Info.Author = "Tagwatch";
        document.Info.Subject = "GPS location evidence: OFFICIAL-SENSITIVE";
        document.Info.CreationDate = pack.Generated.ToDateTimeUtc();
        var m = pack.Match;
        using (var w = new PdfPageWriter(document, $"OFFICIAL-SENSITIVE — Tagwatch disclosure pack, match {m.Id}, {pack.Crime.Force} {pack.Crime.Reference}"))
        {
            w.Line("OFFICIAL-SENSITIVE", w.Bold, XBrushes.Firebrick);
            w.Line("Disclosure pack: GPS location evidence", w.Title);
            w.Space(4);
            w.Field("Match", $"{m.Id} (score {m.Score:0.00}, significant: {(m.Significant ? "yes" : "no")}, crime version {m.CrimeVersion})");
            w.Field("Disclosed to", pack.Disclosure.DisclosedTo ?? "—");
            w.Field("Disclosed by", $"{pack.Disclosure.Actor} ({pack.Disclosure.ActorRole}) on {Time(pack.Disclosure.At)}");
            w.Field("Purpose", pack.Disclosure.Reason);
            w.Field("Pack produced", $"{Time(pack.Generated)} by {pack.GeneratedBy}");

            w.SectionHeading("1. Request summary");
            var c = pack.Crime;
            w.Field("Force", c.Force);
            w.Field("Crime reference", c.Reference);
            w.Field("Crime type", $"{c.Category} ({c.CategoryCode})");
            w.Field("Committed between", $"{Time(c.CommittedFrom)} and {Time(c.CommittedTo)}");
            var grid = PackGridPositions.Of(pack);
            var crimeGrid = grid.Crime.Grid;
            w.Field("Location", string.Create(CultureInfo.InvariantCulture,
                $"{c.Position.Latitude:F6}, {c.Position.Longitude:F6} (WGS84); {GridReference.Format(crimeGrid)} (E {crimeGrid.Easting:F2}, N {crimeGrid.Northing:F2})"));
            w.Field("Datum conversion", grid.CrimeConversionText(c));
            w.Field("Location precision", c.LocationPrecisionMetres <= 0 ? "exact point as supplied"
                : c.ReceivedAsGrid ? $"± {c.LocationPrecisionMetres:0} m (the WGS84 position derived from the supplied grid reference)"
                : $"± {c.LocationPrecisionMetres:0} m as supplied");
            w.Field("Borough", c.BoroughCode is { } code && BoroughMap.London.Find(code) is { } b ? $"{b.Name} ({b.Code})" : "not in a London borough");

            w.SectionHeading("2. Subject summary");
            w.Field("Reference", m.OffenderReference ?? "no enrolled wearer at the time");
            if (pack.Person is { } person)
            {
                w.Field("Name", $"{person.GivenName} {person.FamilyName}");
                w.Field("Date of birth", person.DateOfBirth.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
            }

            if (pack.Offender is { } offender)
            {
                w.Field("Licence", $"{offender.LicenceStart:yyyy-MM-dd} to {offender.LicenceEnd:yyyy-MM-dd}; index offences: {string.Join(", ", offender.IndexOffences)}");
            }

            w.Field("Tag", m.Tag);

            w.SectionHeading("3. Exhibit A: map of the crime location and the tag's fixes");
            var map = w.Block(MapView.SidePoints);
            var drawnOn = EvidenceMap.Draw(w.Graphics, map, pack, grid, MapView.Of(pack, grid), backdrop, w.Small);
            w.Space(4);
            w.Line(EvidenceMap.Legend(pack.BufferMetres), w.Small);
            w.Line(EvidenceMap.BackgroundNote(drawnOn), w.Small);
            if (grid.MapUsesHelmertFallback)
            {
                w.Line(MapFallbackNote, w.Small);
            }

            w.SectionHeading("4. Exhibit B: table of points");
            w.Line($"Closest approach {m.MinDistanceMetres:0.0} m at {Time(Instant.FromUnixTimeMilliseconds(m.ClosestTimeUnixMs))}; time within the buffer {m.DwellSeconds / 60:0.#} min.", w.Body);
            w.Space(3);
            w.Table(
                ["Seq", "Time (UK)", "Latitude", "Longitude", "Conf. (m)", "Speed (km/h)", "Heading (°)", "Dist. (m)", "Kind"],
                [0.05, 0.21, 0.11, 0.11, 0.09, 0.12, 0.1, 0.09, 0.12],
                pack.Evidence.Select((e, i) => new[]
                {
                    (i + 1).ToString(CultureInfo.InvariantCulture), Time(Instant.FromUnixTimeMilliseconds(e.TimeUnixMs)),
                    e.Latitude.ToString("F6", CultureInfo.InvariantCulture), e.Longitude.ToString("F6", CultureInfo.InvariantCulture),
                    Confidence(e), e.SpeedKmh?.ToString("0.0", CultureInfo.InvariantCulture) ?? "–",
                    e.HeadingDegrees?.ToString("0", CultureInfo.InvariantCulture) ?? "–", e.DistanceMetres.ToString("0.0", CultureInfo.InvariantCulture),
                    e.Interpolated ? "interpolated" : "measured",
                }));
            if (pack.Evidence.Any(e => e.AccuracyEstimated))
            {
                w.Space(2);
                w.Line(EstimatedNote, w.Small);
            }

            w.SectionHeading("5. Times the tag could not be monitored");
            if (pack.Gaps.Count == 0)
            {
                w.Line("None: the tag reported throughout the committed window.");
            }
            else
            {
                foreach (var gap in pack.Gaps)
                {
                    string reach = gap.SiteReachable switch { true => "the crime location was reachable in this gap at a plausible speed", false => "the crime location was not reachable in this gap at a plausible speed", _ => "reachability could not be assessed" };
                    w.Line($"• {Time(Instant.FromUnixTimeMilliseconds(gap.FromUnixMs))} to {Time(Instant.FromUnixTimeMilliseconds(gap.ToUnixMs))}: unable to monitor; {reach}.");
                }
            }

            w.SectionHeading("6. Score");
            using (var factors = JsonDocument.Parse(pack.FactorsJson))
            {
                w.Line(string.Join("; ", factors.RootElement.EnumerateObject().Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name.Replace('_', ' ')} {f.Value.GetDouble():0.00}"))));
            }

            w.Line("Each factor is between 0 and 1; the score combines them as documented with the correlation engine (docs/correlation.md).", w.Small);
            foreach (var supplement in pack.Supplements)
            {
                Supplement(w, supplement);
            }

            w.SectionHeading("7. Witness statement");
            w.Line("Statement of: ______________________________   Occupation: ______________________________");
            w.Space(4);
            w.Line("This statement (consisting of ___ pages each signed by me) is true to the best of my knowledge and belief and I make it knowing that, "
                + "if it is tendered in evidence, I shall be liable to prosecution if I have wilfully stated in it anything which I know to be false or do not believe to be true.");
            for (int i = 0; i < 8; i++)
            {
                w.Space(6);
                w.Graphics.DrawLine(new XPen(XColors.Gray, 0.4), PdfPageWriter.Margin, w.Y + 8, PdfPageWriter.Margin + w.Width, w.Y + 8);
                w.Space(10);
            }

            w.Space(6);
            w.Line("Signature: ______________________________   Date: ____________________");

            w.SectionHeading("8. Caveat");
            w.Line(DisclosurePack.Caveat, w.Bold);
        }

        document.Save(output, closeStream: false);
    }

    /// <summary>A later engine result disclosed as a supplement: what changed and why, beside the evidence as disclosed.</summary>
    private static void Supplement(PdfPageWriter w, Application.Correlation.MatchAmendment a)
    {
        var disclosed = a.Supplement!;
        w.SectionHeading($"Supplement {a.Number}: a later result of the correlation engine");
        w.Line("The evidence above is as first disclosed and is unchanged. After the disclosure the engine's result changed as below.", w.Small);
        w.Field("Why it changed", a.Reason);
        w.Field("Recorded", $"{Time(a.At)} (run {a.RunId}; crime version {a.CrimeVersion})");
        w.Field("Disclosed", $"{Time(disclosed.At)} by {disclosed.Actor} ({disclosed.ActorRole}) to {disclosed.DisclosedTo}");
        w.Field("Purpose", disclosed.Reason);
        if (!a.Found)
        {
            w.Field("Result", "the engine no longer finds this match");
            return;
        }

        w.Field("Result", string.Create(CultureInfo.InvariantCulture, $"score {a.Score:0.00} (significant: {(a.Significant ? "yes" : "no")})"));
        w.Field("Closest approach", string.Create(CultureInfo.InvariantCulture,
            $"{a.MinDistanceMetres:0.0} m at {(a.ClosestTimeUnixMs is { } closest ? Time(Instant.FromUnixTimeMilliseconds(closest)) : "—")}; time within the buffer {a.DwellSeconds / 60:0.#} min; unmonitored {a.GapSeconds / 60:0.#} min"));
        if (a.EvidenceJson is { } evidence)
        {
            using var points = JsonDocument.Parse(evidence);
            w.Field("Evidence points", $"{points.RootElement.GetArrayLength()} (listed in full with the match in the service)");
        }
    }

    /// <summary>Printed under the map when any of its points lies outside the OSTN15 grid.</summary>
    public const string MapFallbackNote =
        "Note: some positions on this map lie outside the OSTN15 grid and were placed on the National Grid by the OS 7-parameter Helmert shift, good to about 5 m; all others by OSTN15.";

    /// <summary>What the pack says under the table when any point's confidence radius is estimated.</summary>
    public const string EstimatedNote =
        "est. = confidence radius estimated by Tagwatch, not reported by the tag: the device sends no accuracy, so the radius is derived "
        + "from its HDOP or satellite count and its model's typical accuracy (docs/correlation.md). It is less certain than a reported radius "
        + "and counts less in the score.";

    private static string Confidence(EvidencePoint e) =>
        e.AccuracyMetres is not { } metres ? "unknown"
        : e.AccuracyEstimated ? metres.ToString("0.0", CultureInfo.InvariantCulture) + " est."
        : metres.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A time in UK local time with its zone (GMT/BST) and UTC, as police and courts read it.</summary>
    private static string Time(Instant instant)
    {
        var local = instant.InZone(London);
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + local.GetZoneInterval().Name;
    }
}
