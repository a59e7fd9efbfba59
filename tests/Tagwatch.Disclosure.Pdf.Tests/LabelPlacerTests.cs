using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PdfSharp.Drawing;
using Tagwatch.Disclosure.Pdf.Maps;

namespace Tagwatch.Disclosure.Pdf.Tests;

public sealed class LabelPlacerTests
{
    private static readonly XRect Map = new(50, 100, 330, 330);

    [Fact]
    public void Place_TwoHundredPointsWithinAFewPoints_NoTwoLabelsOverlapAndAllStayOnTheMap()
    {
        var placer = new LabelPlacer(Map);
        var anchors = Enumerable.Range(0, 200).Select(i => new XPoint(215 + (i % 20) * 0.8, 265 + (i / 20) * 0.9)).ToList();
        foreach (var a in anchors)
        {
            placer.ReserveMarker(new XRect(a.X - 3, a.Y - 3, 6, 6));
        }

        var placed = anchors.Select(a => placer.Place(a, new XSize(28, 9), 3.5)).ToList();

        Assert.Contains(placed, p => p is not null);
        Assert.Contains(placed, p => p is null);
        AssertNoOverlap(placer.Taken);
    }

    [Fact]
    public void Place_NothingNearby_PutsTheLabelRightOfItsAnchorWithoutALeader()
    {
        var placer = new LabelPlacer(Map);

        var placed = placer.Place(new XPoint(200, 200), new XSize(20, 8), 3);

        Assert.Equal(new XRect(203, 196, 20, 8), placed!.Value.Box);
        Assert.Null(placed.Value.LeaderFrom);
    }

    [Fact]
    public void Place_CrowdedByMarkers_MovesAwayWithALeaderLine()
    {
        var placer = new LabelPlacer(Map);
        var anchor = new XPoint(200, 200);
        // Markers all round the anchor: the label goes beyond them, a leader line back over them.
        placer.ReserveMarker(new XRect(170, 180, 60, 40));

        var placed = placer.Place(anchor, new XSize(20, 8), 3);

        Assert.NotNull(placed!.Value.LeaderFrom);
        Assert.False(LabelPlacer.Overlap(placed.Value.Box, new XRect(170, 180, 60, 40)));
    }

    [Fact]
    public void Place_ReservedFurniture_NoLabelCoversIt()
    {
        var placer = new LabelPlacer(Map);
        var scaleBar = placer.PlaceFirstFree([new XRect(52, 410, 90, 18)])!.Value;

        for (int i = 0; i < 50; i++)
        {
            placer.Place(new XPoint(60 + i, 415), new XSize(25, 9), 3.5);
        }

        Assert.All(placer.Taken.Where(t => t != scaleBar), t => Assert.False(LabelPlacer.Overlap(t, scaleBar)));
    }

    [Fact]
    public void PlaceFirstFree_EveryCandidateOnAMarker_TakesARequiredBoxOverTheMarkersButNotAnOptionalOne()
    {
        var placer = new LabelPlacer(Map);
        XRect[] corners = [new(300, 410, 78, 12), new(52, 410, 78, 12)];
        placer.ReserveMarker(new XRect(320, 412, 6, 6));
        placer.ReserveMarker(new XRect(60, 412, 6, 6));

        var optional = placer.PlaceFirstFree(corners);
        var attribution = placer.PlaceFirstFree(corners, required: true);

        Assert.Null(optional);
        Assert.Equal(corners[0], attribution);
    }

    [Property(MaxTest = 200)]
    public Property Place_AnyCluster_NoTwoPlacedLabelsOverlap(NonEmptyArray<(byte X, byte Y, byte Width)> points, byte spread)
    {
        var placer = new LabelPlacer(Map);
        double radius = 1 + spread % 60;
        foreach (var (x, y, width) in points.Get)
        {
            var anchor = new XPoint(Map.X + Map.Width / 2 + (x / 255.0 - 0.5) * radius * 2, Map.Y + Map.Height / 2 + (y / 255.0 - 0.5) * radius * 2);
            placer.Place(anchor, new XSize(8 + width % 40, 9), 3.5);
        }

        var boxes = placer.Taken;
        bool separate = boxes.SelectMany((a, i) => boxes.Skip(i + 1).Select(b => !LabelPlacer.Overlap(a, b))).All(ok => ok);
        bool inside = boxes.All(b => b.Left >= Map.Left && b.Right <= Map.Right && b.Top >= Map.Top && b.Bottom <= Map.Bottom);
        return (separate && inside).ToProperty();
    }

    private static void AssertNoOverlap(IReadOnlyList<XRect> boxes)
    {
        Assert.NotEmpty(boxes);
        for (int i = 0; i < boxes.Count; i++)
        {
            Assert.True(boxes[i].Left >= Map.Left && boxes[i].Right <= Map.Right && boxes[i].Top >= Map.Top && boxes[i].Bottom <= Map.Bottom, $"label {i} leaves the map");
            for (int j = i + 1; j < boxes.Count; j++)
            {
                // Independent of the placer's own test: interiors must not meet.
                var a = boxes[i];
                var b = boxes[j];
                bool meet = a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;
                Assert.False(meet, $"labels {i} {a} and {j} {b} overlap");
            }
        }
    }
}
