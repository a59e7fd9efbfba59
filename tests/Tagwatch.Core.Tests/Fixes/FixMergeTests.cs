using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Tests.Fixes;

public sealed class FixMergeTests
{
    private static readonly Instant Day = Instant.FromUtc(2019, 3, 1, 0, 0);

    // Few times and few positions, so repeats of the dedup key are common; accuracy tells copies apart.
    private static readonly Gen<Fix> AnyFix =
        from second in Gen.Choose(0, 40)
        from place in Gen.Choose(0, 3)
        from accuracy in Gen.Choose(1, 50)
        from flagged in Gen.Elements(false, true)
        select Fix.Create(Day + Duration.FromSeconds(second), Day + Duration.FromSeconds(60), new GeoPoint(51.5 + (place * 1e-4), -0.1), accuracy,
            flags: flagged ? FixFlags.LowAccuracy : FixFlags.None);

    private static readonly Gen<(Fix[] Stored, Fix[] Incoming)> Days =
        from stored in AnyFix.ArrayOf()
        from incoming in AnyFix.ArrayOf()
        select (Reference([], stored).ToArray(), Sorted(incoming));

    [Fact]
    public void Merge_AnyStoredDayAndIncomingFixes_EqualsDeduplicatingTheConcatenationThenSorting()
    {
        Prop.ForAll(Days.ToArbitrary(), day =>
        {
            var result = FixMerge.Merge(day.Stored, day.Incoming);
            return result.Merged.SequenceEqual(Reference(day.Stored, day.Incoming));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Merge_AnyDay_CountsTheNewFixesAndTheFlaggedAmongThem()
    {
        Prop.ForAll(Days.ToArbitrary(), day =>
        {
            var result = FixMerge.Merge(day.Stored, day.Incoming);
            var fresh = result.Merged.Where(f => !day.Stored.Any(s => s.IsSameReportAs(f))).ToList();
            return result.Added == result.Merged.Length - day.Stored.Length
                && result.Added == fresh.Count
                && result.AddedFlagged == fresh.Count(f => f.Flags != FixFlags.None);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Merge_TheSameFixesTwice_AddsNothingTheSecondTime()
    {
        Prop.ForAll(Days.ToArbitrary(), day =>
        {
            var once = FixMerge.Merge(day.Stored, day.Incoming);
            var twice = FixMerge.Merge(once.Merged, day.Incoming);
            return twice.Added == 0 && twice.Merged.SequenceEqual(once.Merged);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Merge_ARepeatOfAStoredFix_KeepsTheStoredCopy()
    {
        var stored = Fix.Create(Day, Day, new GeoPoint(51.5, -0.1), accuracyMetres: 5);
        var repeat = Fix.Create(Day, Day + Duration.FromHours(1), new GeoPoint(51.5, -0.1), accuracyMetres: 40);

        var result = FixMerge.Merge([stored], [repeat]);

        Assert.Equal([stored], result.Merged);
        Assert.Equal(0, result.Added);
    }

    [Fact]
    public void Merge_IncomingOutOfOrder_Throws()
    {
        var early = Fix.Create(Day, Day, new GeoPoint(51.5, -0.1));
        var late = Fix.Create(Day + Duration.FromMinutes(1), Day, new GeoPoint(51.5, -0.1));

        Assert.Throws<ArgumentException>(() => FixMerge.Merge([], [late, early]));
    }

    /// <summary>The brute-force rule: the first copy of each dedup key (stored before incoming), in time and position order.</summary>
    private static IEnumerable<Fix> Reference(IEnumerable<Fix> stored, IEnumerable<Fix> incoming)
    {
        var kept = new List<Fix>();
        foreach (var fix in stored.Concat(incoming))
        {
            if (!kept.Any(k => k.IsSameReportAs(fix)))
            {
                kept.Add(fix);
            }
        }

        return kept.OrderBy(f => f.TimeUnixMs).ThenBy(f => f.LatitudeE7).ThenBy(f => f.LongitudeE7);
    }

    private static Fix[] Sorted(Fix[] fixes)
    {
        var copy = fixes.ToArray();
        Array.Sort(copy, FixOrder.Instance);
        return copy;
    }
}
