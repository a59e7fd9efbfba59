using System.Globalization;
using NodaTime;
using PdfSharp.Drawing;
using Tagwatch.Application.Disclosure;
using Tagwatch.Core.Geo;
using Tagwatch.Disclosure.Pdf.Maps;

namespace Tagwatch.Disclosure.Pdf;

/// <summary>
/// Exhibit map on the National Grid (metres, grid north up): the crime point, its search buffer and stated precision,
/// the fixes in the vicinity with their confidence circles and path, the numbered evidence points, a scale bar — on
/// street map tiles when a source gave them, else on a plain background with grid lines. Labels never overprint one
/// another (<see cref="LabelPlacer"/>).
/// </summary>
internal static class EvidenceMap
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    // Tiles are drawn a hair larger than their cell (1/512 of a tile, under a metre on the ground at any zoom the map
    // uses) so that viewers' anti-aliasing leaves no hairline seams between them.
    private const double TileOverlap = 1.0 / 512;

    /// <summary>Draws the map in <paramref name="area"/>; answers the background it was drawn on (plain when the tiles
    /// could not be placed or read, with the reason).</summary>
    public static MapBackdrop Draw(XGraphics g, XRect area, DisclosurePack pack, PackGridPositions grid, MapView view, MapBackdrop backdrop, XFont font)
    {
        var centre = view.Centre;
        double reach = view.ReachMetres;
        var evidence = grid.Evidence.Zip(pack.Evidence, (point, e) => (Point: point, e)).ToList();
        var fixes = grid.Vicinity.Zip(pack.Vicinity, (point, f) => (Point: point, f)).ToList();
        double side = Math.Min(area.Width, area.Height);
        var frame = new XRect(area.X + (area.Width - side) / 2, area.Y, side, side);
        double scale = side / 2 / reach;
        XPoint ToPage(GridPoint p) => new(frame.X + side / 2 + (p.Easting - centre.Easting) * scale, frame.Y + side / 2 - (p.Northing - centre.Northing) * scale);

        var tiles = Placed(backdrop, ToPage, out backdrop);
        g.Save();
        g.IntersectClip(frame);
        if (tiles.Count > 0)
        {
            foreach (var (image, nw, ne, sw) in tiles)
            {
                g.Save();
                // The tile's unit square onto its corners' places: a tile spans a few hundred metres, over which the
                // National Grid and Web Mercator differ by a rotation and scale (both are conformal), so this is exact to the millimetre.
                g.MultiplyTransform(new XMatrix(ne.X - nw.X, ne.Y - nw.Y, sw.X - nw.X, sw.Y - nw.Y, nw.X, nw.Y));
                g.DrawImage(image, -TileOverlap, -TileOverlap, 1 + 2 * TileOverlap, 1 + 2 * TileOverlap);
                g.Restore();
            }

            // Washed out, so the evidence drawn over the streets stands out.
            g.DrawRectangle(new XSolidBrush(XColor.FromArgb(110, 255, 255, 255)), frame);
        }
        else
        {
            g.DrawRectangle(new XSolidBrush(XColor.FromArgb(248, 248, 244)), frame);
        }

        double step = GridStep(reach);
        var gridPen = tiles.Count > 0 ? new XPen(XColor.FromArgb(90, 120, 120, 120), 0.3) : new XPen(XColor.FromArgb(225, 225, 220), 0.4);
        for (double d = -Math.Floor(reach / step) * step; d <= reach; d += step)
        {
            g.DrawLine(gridPen, frame.X + side / 2 + d * scale, frame.Top, frame.X + side / 2 + d * scale, frame.Bottom);
            g.DrawLine(gridPen, frame.Left, frame.Y + side / 2 + d * scale, frame.Right, frame.Y + side / 2 + d * scale);
        }

        var crimePoint = ToPage(centre);
        Circle(g, crimePoint, pack.BufferMetres * scale, new XPen(XColors.Firebrick, 0.8) { DashStyle = XDashStyle.Dash }, new XSolidBrush(XColor.FromArgb(28, 178, 34, 34)));
        if (pack.Crime.LocationPrecisionMetres > 0)
        {
            Circle(g, crimePoint, pack.Crime.LocationPrecisionMetres * scale, new XPen(XColors.Firebrick, 0.4) { DashStyle = XDashStyle.Dot }, null);
        }

        var path = new XPen(XColor.FromArgb(150, 90, 90, 90), 0.5);
        for (int i = 1; i < fixes.Count; i++)
        {
            g.DrawLine(path, ToPage(fixes[i - 1].Point), ToPage(fixes[i].Point));
        }

        var confidence = new XSolidBrush(XColor.FromArgb(30, 30, 90, 200));
        foreach (var (point, fix) in fixes)
        {
            var p = ToPage(point);
            Circle(g, p, (fix.AccuracyMetres ?? 0) * scale, new XPen(XColor.FromArgb(90, 30, 90, 200), 0.3), confidence);
            Circle(g, p, 1.2, null, XBrushes.SteelBlue);
        }

        foreach (var (point, e) in evidence)
        {
            var p = ToPage(point);
            if (e.Interpolated)
            {
                g.DrawPolygon(new XPen(XColors.DarkOrange, 0.8), null, [new(p.X, p.Y - 3), new(p.X + 3, p.Y), new(p.X, p.Y + 3), new(p.X - 3, p.Y)], XFillMode.Winding);
            }
            else
            {
                Circle(g, p, 2.2, new XPen(XColors.Navy, 0.6), XBrushes.White);
            }
        }

        g.DrawLine(new XPen(XColors.Firebrick, 1.2), crimePoint.X - 5, crimePoint.Y - 5, crimePoint.X + 5, crimePoint.Y + 5);
        g.DrawLine(new XPen(XColors.Firebrick, 1.2), crimePoint.X - 5, crimePoint.Y + 5, crimePoint.X + 5, crimePoint.Y - 5);
        g.Restore();
        g.DrawRectangle(new XPen(XColors.DimGray, 0.6), frame);

        var labels = new LabelPlacer(new XRect(frame.X + 2, frame.Y + 2, frame.Width - 4, frame.Height - 4));
        foreach (var (point, _) in evidence)
        {
            var p = ToPage(point);
            labels.ReserveMarker(new XRect(p.X - 3, p.Y - 3, 6, 6));
        }

        labels.ReserveMarker(new XRect(crimePoint.X - 5.5, crimePoint.Y - 5.5, 11, 11));
        Furniture(g, labels, frame, backdrop, step * scale, step, font);

        var crimeFont = new XFont(font.FontFamily.Name, font.Size, XFontStyleEx.Bold);
        Label(g, labels, crimePoint, "crime", crimeFont, XBrushes.Firebrick, gap: 7);

        // Every point is drawn; labels (sequence and UK time) are thinned on long windows so they stay legible — the
        // closest, first and last first, then every k-th — and any that finds no free place is left out.
        int every = Math.Max(1, evidence.Count / 30);
        int closest = evidence.Count == 0 ? -1 : evidence.Select((e, i) => (e.e.DistanceMetres, i)).Min().i;
        var order = new[] { closest, 0, evidence.Count - 1 }.Concat(Enumerable.Range(0, evidence.Count).Where(i => i % every == 0))
            .Where(i => i >= 0).Distinct();
        foreach (int i in order)
        {
            var (point, e) = evidence[i];
            string time = Instant.FromUnixTimeMilliseconds(e.TimeUnixMs).InZone(London).ToString("HH:mm", CultureInfo.InvariantCulture);
            Label(g, labels, ToPage(point), $"{i + 1} {time}", font, XBrushes.Navy, gap: 3.5);
        }

        return backdrop;
    }

    /// <summary>Text of the map's legend.</summary>
    public static string Legend(double bufferMetres) =>
        $"Red cross: crime location; red dashed circle: {bufferMetres:0} m search buffer; red dotted circle: the location's stated precision. "
        + "Blue dots: stored fixes within 1 km from 30 minutes before to 30 minutes after the window, joined in time order, each with its "
        + "confidence circle. Numbered points: the evidence points of the table below, labelled with their sequence and UK time (on long windows, "
        + "or where labels would overprint one another, only some are labelled; orange diamonds are interpolated between two fixes, not measured). "
        + "Grid: British National Grid, grid north up.";

    /// <summary>The small print saying which background the map was drawn on.</summary>
    public static string BackgroundNote(MapBackdrop backdrop) => backdrop.HasTiles
        ? $"Background: street map from {backdrop.Source} ({backdrop.Attribution}), placed on the National Grid from its Web Mercator tiles. "
          + "The street map is shown for orientation only and is not part of the evidence; the positions are Tagwatch's."
        : $"Background: plain, with National Grid lines ({backdrop.PlainReason}).";

    /// <summary>The tiles' images with the page positions of their north-west, north-east and south-west corners; none
    /// (and the plain background, with the reason) when any tile cannot be read or placed.</summary>
    private static List<(XImage Image, XPoint Nw, XPoint Ne, XPoint Sw)> Placed(MapBackdrop backdrop, Func<GridPoint, XPoint> toPage, out MapBackdrop drawnOn)
    {
        drawnOn = backdrop;
        var placed = new List<(XImage, XPoint, XPoint, XPoint)>();
        if (!backdrop.HasTiles)
        {
            return placed;
        }

        try
        {
            foreach (var tile in backdrop.Tiles)
            {
                XPoint Page(int x, int y) => toPage(NationalGrid.ToGrid(TileCover.Corner(tile.Zoom, x, y)));
                var image = XImage.FromStream(new MemoryStream(tile.Image, writable: false));
                placed.Add((image, Page(tile.X, tile.Y), Page(tile.X + 1, tile.Y), Page(tile.X, tile.Y + 1)));
            }

            return placed;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The decoder's failures on a malformed image are of many kinds; any of them only means no street map.
            foreach (var (image, _, _, _) in placed)
            {
                image.Dispose();
            }

            drawnOn = MapBackdrop.Plain($"the street map from {backdrop.Source} could not be drawn: its tiles could not be read or placed");
            return [];
        }
    }

    /// <summary>The attribution (first: the tiles' licence requires it), grid north and the scale bar, each in a corner free of
    /// markers where one is, else over them (the attribution always has a place: it is placed first).</summary>
    private static void Furniture(XGraphics g, LabelPlacer labels, XRect frame, MapBackdrop backdrop, double bar, double step, XFont font)
    {
        const double inset = 2;
        double left = frame.Left + inset, right = frame.Right - inset, top = frame.Top + inset, bottom = frame.Bottom - inset;
        double floor = bottom;
        if (backdrop is { HasTiles: true, Attribution: { } attribution })
        {
            var small = new XFont(font.FontFamily.Name, font.Size * 0.85, XFontStyleEx.Regular);
            while (g.MeasureString(attribution, small).Width + 6 > frame.Width - 2 * inset && small.Size > 3)
            {
                small = new XFont(font.FontFamily.Name, small.Size * 0.9, XFontStyleEx.Regular);
            }

            var size = g.MeasureString(attribution, small);
            double w = size.Width + 6, h = small.Height + 2;
            if (labels.PlaceFirstFree([new XRect(right - w, bottom - h, w, h), new XRect(left, bottom - h, w, h)], required: true) is { } box)
            {
                floor = box.Top - 2;
                g.DrawRectangle(new XSolidBrush(XColor.FromArgb(225, 255, 255, 255)), box);
                g.DrawString(attribution, small, XBrushes.Black, box.X + 3, box.Y + small.Height * 0.85 + 1);
            }
        }

        var north = "N ↑ (grid)";
        var northSize = g.MeasureString(north, font);
        double nw = northSize.Width + 6, nh = font.Height + 4;
        if (labels.PlaceFirstFree([new XRect(right - nw, top, nw, nh), new XRect(left, top, nw, nh)], required: true) is { } northBox)
        {
            g.DrawRectangle(new XSolidBrush(XColor.FromArgb(225, 255, 255, 255)), northBox);
            g.DrawString(north, font, XBrushes.Black, northBox.X + 3, northBox.Y + font.Height * 0.85 + 2);
        }

        string metres = string.Create(CultureInfo.InvariantCulture, $"{step:0} m");
        double sw = bar + g.MeasureString(metres, font).Width + 14, sh = 18;
        if (labels.PlaceFirstFree([new XRect(left, bottom - sh, sw, sh), new XRect(left, floor - sh, sw, sh), new XRect(left, top, sw, sh)], required: true) is { } scaleBox)
        {
            double y = scaleBox.Y + 10;
            g.DrawRectangle(XBrushes.White, scaleBox);
            g.DrawLine(new XPen(XColors.Black, 1.2), scaleBox.X + 4, y, scaleBox.X + 4 + bar, y);
            g.DrawLine(new XPen(XColors.Black, 0.8), scaleBox.X + 4, y - 3, scaleBox.X + 4, y + 3);
            g.DrawLine(new XPen(XColors.Black, 0.8), scaleBox.X + 4 + bar, y - 3, scaleBox.X + 4 + bar, y + 3);
            g.DrawString(metres, font, XBrushes.Black, scaleBox.X + 8 + bar, y + 3);
        }
    }

    private static void Label(XGraphics g, LabelPlacer labels, XPoint anchor, string text, XFont font, XBrush brush, double gap)
    {
        var size = g.MeasureString(text, font);
        if (labels.Place(anchor, new XSize(size.Width + 2, font.Height), gap) is not { } placed)
        {
            return;
        }

        if (placed.LeaderFrom is { } from && placed.LeaderTo is { } to)
        {
            g.DrawLine(new XPen(XColors.DimGray, 0.4), from, to);
        }

        // A light halo so the label reads over streets and circles.
        g.DrawRectangle(new XSolidBrush(XColor.FromArgb(170, 255, 255, 255)), placed.Box);
        g.DrawString(text, font, brush, placed.Box.X + 1, placed.Box.Y + font.Height * 0.8);
    }

    private static void Circle(XGraphics g, XPoint centre, double radius, XPen? pen, XBrush? brush)
    {
        if (radius <= 0)
        {
            return;
        }

        g.DrawEllipse(pen, brush, centre.X - radius, centre.Y - radius, radius * 2, radius * 2);
    }

    private static double GridStep(double reach) => reach switch
    {
        <= 120 => 25,
        <= 300 => 50,
        <= 600 => 100,
        _ => 250,
    };
}
