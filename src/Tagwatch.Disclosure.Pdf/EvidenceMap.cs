using System.Globalization;
using PdfSharp.Drawing;
using Tagwatch.Application.Disclosure;
using Tagwatch.Core.Geo;

namespace Tagwatch.Disclosure.Pdf;

/// <summary>
/// Exhibit map on the National Grid (metres, grid north up): the crime point, its search buffer and stated precision,
/// the fixes in the vicinity with their confidence circles and path, the numbered evidence points, a scale bar.
/// </summary>
internal static class EvidenceMap
{
    public static void Draw(XGraphics g, XRect area, DisclosurePack pack, PackGridPositions grid, double bufferMetres, XFont font)
    {
        var centre = grid.Crime.Grid;
        var evidence = grid.Evidence.Zip(pack.Evidence, (point, e) => (Point: point, e)).ToList();
        var fixes = grid.Vicinity.Zip(pack.Vicinity, (point, f) => (Point: point, f)).ToList();
        double reach = new[] { bufferMetres * 1.6, pack.Crime.LocationPrecisionMetres * 1.3, 150 }
            .Concat(evidence.Select(e => Distance(e.Point, centre) * 1.15))
            .Max();
        reach = Math.Min(reach, DisclosurePackBuilder.VicinityMetres);
        double side = Math.Min(area.Width, area.Height);
        var frame = new XRect(area.X + (area.Width - side) / 2, area.Y, side, side);
        double scale = side / 2 / reach;
        XPoint ToPage(GridPoint p) => new(frame.X + side / 2 + (p.Easting - centre.Easting) * scale, frame.Y + side / 2 - (p.Northing - centre.Northing) * scale);

        g.Save();
        g.IntersectClip(frame);
        g.DrawRectangle(new XSolidBrush(XColor.FromArgb(248, 248, 244)), frame);
        double step = GridStep(reach);
        var gridPen = new XPen(XColor.FromArgb(225, 225, 220), 0.4);
        for (double d = -Math.Floor(reach / step) * step; d <= reach; d += step)
        {
            g.DrawLine(gridPen, frame.X + side / 2 + d * scale, frame.Top, frame.X + side / 2 + d * scale, frame.Bottom);
            g.DrawLine(gridPen, frame.Left, frame.Y + side / 2 + d * scale, frame.Right, frame.Y + side / 2 + d * scale);
        }

        var crimePoint = ToPage(centre);
        Circle(g, crimePoint, bufferMetres * scale, new XPen(XColors.Firebrick, 0.8) { DashStyle = XDashStyle.Dash }, new XSolidBrush(XColor.FromArgb(28, 178, 34, 34)));
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

        // Every point is drawn; labels are thinned on long windows so they stay legible (first, last, closest and every k-th).
        int every = Math.Max(1, evidence.Count / 30);
        int closest = evidence.Count == 0 ? -1 : evidence.Select((e, i) => (e.e.DistanceMetres, i)).Min().i;
        for (int i = 0; i < evidence.Count; i++)
        {
            var (point, e) = evidence[i];
            var p = ToPage(point);
            if (e.Interpolated)
            {
                g.DrawPolygon(new XPen(XColors.DarkOrange, 0.8), null, [new(p.X, p.Y - 3), new(p.X + 3, p.Y), new(p.X, p.Y + 3), new(p.X - 3, p.Y)], XFillMode.Winding);
            }
            else
            {
                Circle(g, p, 2.2, new XPen(XColors.Navy, 0.6), XBrushes.White);
            }

            if (i % every == 0 || i == evidence.Count - 1 || i == closest)
            {
                g.DrawString((i + 1).ToString(CultureInfo.InvariantCulture), font, XBrushes.Navy, p.X + 3, p.Y - 2);
            }
        }

        g.DrawLine(new XPen(XColors.Firebrick, 1.2), crimePoint.X - 5, crimePoint.Y - 5, crimePoint.X + 5, crimePoint.Y + 5);
        g.DrawLine(new XPen(XColors.Firebrick, 1.2), crimePoint.X - 5, crimePoint.Y + 5, crimePoint.X + 5, crimePoint.Y - 5);
        g.Restore();
        g.DrawRectangle(new XPen(XColors.DimGray, 0.6), frame);

        // Scale bar and grid north.
        double bar = step * scale;
        double y = frame.Bottom - 12;
        g.DrawRectangle(XBrushes.White, frame.X + 6, y - 10, bar + 40, 18);
        g.DrawLine(new XPen(XColors.Black, 1.2), frame.X + 10, y, frame.X + 10 + bar, y);
        g.DrawString($"{step:0} m", font, XBrushes.Black, frame.X + 14 + bar, y + 3);
        g.DrawString("N ↑ (grid)", font, XBrushes.Black, frame.Right - 48, frame.Top + 12);
    }

    /// <summary>Text of the map's legend.</summary>
    public static string Legend(double bufferMetres) =>
        $"Red cross: crime location; red dashed circle: {bufferMetres:0} m search buffer; red dotted circle: the location's stated precision. "
        + "Blue dots: stored fixes within 1 km from 30 minutes before to 30 minutes after the window, joined in time order, each with its "
        + "confidence circle. Numbered points: the evidence points of the table below, by sequence (on long windows only some are labelled; "
        + "orange diamonds are interpolated between two fixes, not measured). "
        + "Grid: British National Grid; background is blank by design (no third-party mapping is sent or embedded).";

    private static void Circle(XGraphics g, XPoint centre, double radius, XPen? pen, XBrush? brush)
    {
        if (radius <= 0)
        {
            return;
        }

        g.DrawEllipse(pen, brush, centre.X - radius, centre.Y - radius, radius * 2, radius * 2);
    }

    private static double Distance(GridPoint a, GridPoint b) => Math.Sqrt(Math.Pow(a.Easting - b.Easting, 2) + Math.Pow(a.Northing - b.Northing, 2));

    private static double GridStep(double reach) => reach switch
    {
        <= 120 => 25,
        <= 300 => 50,
        <= 600 => 100,
        _ => 250,
    };
}
