using FsCheck;
using FsCheck.Fluent;
using Tagwatch.Application.Reports;

namespace Tagwatch.Storage.Tests.Reports;

public sealed class SmallCellsTests
{
    private static Dictionary<string, int> Cells(params int[] counts) =>
        counts.Select((n, i) => (Key: ((char)('a' + i)).ToString(), n)).ToDictionary(c => c.Key, c => c.n, StringComparer.Ordinal);

    [Fact]
    public void Suppress_OneSmallCell_WithholdsTheNextSmallestToo()
    {
        var shown = SmallCells.Suppress(Cells(1, 5, 10, 0))!;

        Assert.Equal([null, null, 10, 0], shown.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value));
    }

    [Fact]
    public void Suppress_TwoOnesBesideLargeCells_WithholdsUntilTheyCouldBeLarge()
    {
        var shown = SmallCells.Suppress(Cells(1, 1, 4, 20))!;

        Assert.Equal([null, null, null, 20], shown.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value));
    }

    [Fact]
    public void Suppress_SmallTotal_WithholdsTheBreakdownWhole()
    {
        Assert.Null(SmallCells.Suppress(Cells(1, 2, 0)));
        Assert.Equal([0, 3, 7], SmallCells.Suppress(Cells(0, 3, 7))!.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value));
    }

    [Fact]
    public void Part_SmallPartOrSmallRest_IsWithheld()
    {
        Assert.Null(SmallCells.Part(2, 40));
        Assert.Null(SmallCells.Part(39, 40)); // the other 1 would be 40 − 39
        Assert.Equal(10, SmallCells.Part(10, 40));
    }

    [Fact]
    public void Suppress_AnyBreakdown_NoWithheldCellCanBeWorkedOutFromTheTotal()
    {
        var gen = from length in Gen.Choose(1, 8)
                  from counts in Gen.Choose(0, 12).ArrayOf(length)
                  select counts;
        Prop.ForAll(gen.ToArbitrary(), counts =>
        {
            var cells = Cells(counts);
            var shown = SmallCells.Suppress(cells);
            if (shown is null)
            {
                return true; // withheld whole
            }

            var withheld = shown.Where(c => c.Value is null).Select(c => c.Key).ToList();
            int residual = withheld.Sum(k => cells[k]);
            bool shownAsIs = shown.Where(c => c.Value is not null).All(c => c.Value == cells[c.Key] && c.Value is 0 or >= SmallCells.SmallestCell);
            bool protectedSet = withheld.Count == 0 || (withheld.Count >= 2 && residual - (withheld.Count - 1) >= SmallCells.SmallestCell);
            return shownAsIs && protectedSet;
        }).QuickCheckThrowOnFailure();
    }
}
