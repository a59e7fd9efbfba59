using PdfSharp.Drawing;

namespace Tagwatch.Disclosure.Pdf.Maps;

/// <summary>A label's place: its box and, when it sits away from its anchor, the leader line's two ends.</summary>
internal readonly record struct PlacedLabel(XRect Box, XPoint? LeaderFrom, XPoint? LeaderTo);

/// <summary>
/// Places a map's labels so that none overprints another, a reserved box (scale bar, north arrow, attribution) or a
/// marker: each label tries the eight positions around its anchor, then the same farther out with a leader line back
/// to the anchor; a label with no free position is dropped. Labels placed first win, so place the important ones first.
/// </summary>
internal sealed class LabelPlacer(XRect bounds)
{
    // Clear space kept around every placed box, so neighbouring labels never touch.
    private const double Padding = 1;

    // Labels, furniture and reserved boxes: nothing may overlap them, and no leader line may cross them.
    private readonly List<XRect> _taken = [];

    // Markers: labels keep off them, but a leader line may pass over one.
    private readonly List<XRect> _markers = [];

    /// <summary>The boxes placed or reserved so far, as drawn (each is checked with a little clear space around it).</summary>
    public IReadOnlyList<XRect> Taken => _taken;

    /// <summary>Keeps labels and leader lines off <paramref name="box"/> without placing anything there.</summary>
    public void Reserve(XRect box) => _taken.Add(box);

    /// <summary>Keeps labels off a marker drawn at <paramref name="box"/>; leader lines may cross it.</summary>
    public void ReserveMarker(XRect box) => _markers.Add(box);

    /// <summary>The first of <paramref name="candidates"/> that is inside the map and free, now taken; null when none is.
    /// A <paramref name="required"/> box (the attribution, the scale) that finds every candidate on markers takes the
    /// first one clear of everything else, over the markers.</summary>
    public XRect? PlaceFirstFree(IReadOnlyList<XRect> candidates, bool required = false)
    {
        foreach (bool overMarkers in required ? [false, true] : new[] { false })
        {
            foreach (var box in candidates)
            {
                if (Fits(box, overMarkers))
                {
                    _taken.Add(box);
                    return box;
                }
            }
        }

        return null;
    }

    /// <summary>A free place for a label of <paramref name="size"/> beside <paramref name="anchor"/> (kept
    /// <paramref name="gap"/> points from it), now taken; null when there is none.</summary>
    public PlacedLabel? Place(XPoint anchor, XSize size, double gap)
    {
        foreach (var box in Around(anchor, size, gap))
        {
            if (Fits(box))
            {
                _taken.Add(box);
                return new PlacedLabel(box, null, null);
            }
        }

        foreach (double distance in new[] { gap + 10, gap + 20 })
        {
            foreach (var box in Around(anchor, size, distance))
            {
                var end = NearestPoint(box, anchor);
                var start = Towards(anchor, end, gap);
                if (Fits(box) && !LeaderCrossesTaken(start, end))
                {
                    _taken.Add(box);
                    return new PlacedLabel(box, start, end);
                }
            }
        }

        return null;
    }

    /// <summary>Whether two boxes share any area (touching edges do not).</summary>
    public static bool Overlap(XRect a, XRect b) => a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;

    private bool Fits(XRect box, bool overMarkers = false)
    {
        if (box.Left < bounds.Left || box.Top < bounds.Top || box.Right > bounds.Right || box.Bottom > bounds.Bottom)
        {
            return false;
        }

        var padded = new XRect(box.X - Padding, box.Y - Padding, box.Width + 2 * Padding, box.Height + 2 * Padding);
        foreach (var taken in _taken)
        {
            if (Overlap(padded, taken))
            {
                return false;
            }
        }

        foreach (var marker in overMarkers ? [] : _markers)
        {
            if (Overlap(box, marker))
            {
                return false;
            }
        }

        return true;
    }

    private bool LeaderCrossesTaken(XPoint start, XPoint end)
    {
        foreach (var taken in _taken)
        {
            if (SegmentCrosses(start, end, taken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The eight positions around an anchor, right of it first (how maps are read), then left, above and below.</summary>
    private static IEnumerable<XRect> Around(XPoint a, XSize s, double d)
    {
        double w = s.Width, h = s.Height;
        yield return new XRect(a.X + d, a.Y - h / 2, w, h);          // right
        yield return new XRect(a.X + d * 0.7, a.Y - d * 0.7 - h, w, h); // above right
        yield return new XRect(a.X + d * 0.7, a.Y + d * 0.7, w, h);     // below right
        yield return new XRect(a.X - d - w, a.Y - h / 2, w, h);      // left
        yield return new XRect(a.X - d * 0.7 - w, a.Y - d * 0.7 - h, w, h); // above left
        yield return new XRect(a.X - d * 0.7 - w, a.Y + d * 0.7, w, h);     // below left
        yield return new XRect(a.X - w / 2, a.Y - d - h, w, h);      // above
        yield return new XRect(a.X - w / 2, a.Y + d, w, h);          // below
    }

    private static XPoint NearestPoint(XRect box, XPoint p) => new(Math.Clamp(p.X, box.Left, box.Right), Math.Clamp(p.Y, box.Top, box.Bottom));

    private static XPoint Towards(XPoint from, XPoint to, double distance)
    {
        double dx = to.X - from.X, dy = to.Y - from.Y, length = Math.Sqrt(dx * dx + dy * dy);
        return length <= distance ? from : new XPoint(from.X + dx / length * distance, from.Y + dy / length * distance);
    }

    /// <summary>Whether the segment passes through the box's interior (Liang–Barsky clipping).</summary>
    private static bool SegmentCrosses(XPoint a, XPoint b, XRect box)
    {
        double t0 = 0, t1 = 1, dx = b.X - a.X, dy = b.Y - a.Y;
        foreach (var (p, q) in new[] { (-dx, a.X - box.Left), (dx, box.Right - a.X), (-dy, a.Y - box.Top), (dy, box.Bottom - a.Y) })
        {
            if (p == 0)
            {
                if (q <= 0)
                {
                    return false;
                }

                continue;
            }

            double t = q / p;
            if (p < 0)
            {
                t0 = Math.Max(t0, t);
            }
            else
            {
                t1 = Math.Min(t1, t);
            }

            if (t0 >= t1)
            {
                return false;
            }
        }

        return true;
    }
}
