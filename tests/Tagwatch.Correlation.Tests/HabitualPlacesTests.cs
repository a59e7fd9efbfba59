using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation.Scored;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Tests;

public sealed class HabitualPlacesTests
{
    private static readonly Instant Day0 = Instant.FromUtc(2019, 3, 1, 0, 0);
    private static readonly GeoPoint Cafe = new(51.4613, -0.1156);
    private static readonly GeoPoint Elsewhere = new(51.4300, -0.0500);

    /// <summary>One good fix at noon on each given day, at the given place.</summary>
    private static IEnumerable<Fix> Noons(GeoPoint place, IEnumerable<int> days, double accuracy = 8) =>
        days.Select(d => Fix.Create(Day0.Plus(Duration.FromDays(d) + Duration.FromHours(12)), Day0, place, accuracy));

    private static HabitualPlaces Find(IEnumerable<Fix> fixes) =>
        HabitualPlaces.Find(new TagTrail(TagId.Parse("T1"), [.. fixes.OrderBy(f => f.TimeUnixMs)]), 100);

    private static bool HabitualOn(HabitualPlaces places, GeoPoint point, int day) =>
        places.IsNear(point.Latitude, point.Longitude, Day0.Plus(Duration.FromDays(day) + Duration.FromHours(18)).ToUnixTimeMilliseconds());

    [Fact]
    public void FiveVisitsInTheFourWeeksBefore_MakeAPlaceHabitual_FourDoNot()
    {
        var places = Find(Noons(Cafe, [20, 22, 24, 26, 27]).Concat(Noons(Elsewhere, [21, 23, 25])));

        Assert.True(HabitualOn(places, Cafe, 28));  // 5 of the 8 days with fixes in days 0–27
        Assert.False(HabitualOn(places, Cafe, 27)); // the day itself does not count: 4 of 7 before it
        Assert.False(HabitualOn(places, Elsewhere, 28)); // 3 days
    }

    [Fact]
    public void OnlyThePastCounts_VisitsAfterTheCrimeDayOrMoreThanFourWeeksBefore_DoNot()
    {
        var places = Find(Noons(Cafe, [0, 1, 2, 3, 4, 5, 6, 40, 41, 42, 43, 44, 45]));

        Assert.True(HabitualOn(places, Cafe, 10));
        Assert.False(HabitualOn(places, Cafe, 35)); // days 7–34: no visit (0–6 are more than 28 days before)
        Assert.True(HabitualOn(places, Cafe, 46));
        Assert.False(HabitualOn(places, Cafe, 3)); // three earlier visits only
    }

    [Fact]
    public void HalfOfTheDaysWithFixesAreNeeded_NotJustFive()
    {
        // Fixes on all 28 days before day 28; the cafe on 13 of them is not enough, on 14 it is.
        var days = Enumerable.Range(0, 28).ToList();
        var thirteen = Find(Noons(Cafe, days.Take(13)).Concat(Noons(Elsewhere, days.Skip(13))));
        var fourteen = Find(Noons(Cafe, days.Take(14)).Concat(Noons(Elsewhere, days.Skip(14))));

        Assert.False(HabitualOn(thirteen, Cafe, 28));
        Assert.True(HabitualOn(fourteen, Cafe, 28));
    }

    [Fact]
    public void FixesThatCannotBeEvidence_SayNothingAboutWherePeopleGo()
    {
        var places = Find(Noons(Cafe, Enumerable.Range(0, 10), accuracy: 500));

        Assert.False(HabitualOn(places, Cafe, 10));
        Assert.False(HabitualOn(HabitualPlaces.None, Cafe, 10));
    }

    [Fact]
    public void ANeighbouringCell_Counts_AFarOneDoesNot()
    {
        var places = Find(Noons(Cafe, Enumerable.Range(0, 10)));

        Assert.True(HabitualOn(places, new GeoPoint(Cafe.Latitude + 0.0012, Cafe.Longitude), 10)); // ≈ 130 m north
        Assert.False(HabitualOn(places, new GeoPoint(Cafe.Latitude + 0.006, Cafe.Longitude), 10)); // ≈ 670 m north
    }
}
