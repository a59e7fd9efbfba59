using NodaTime;
using Tagwatch.Core.Conditions;

namespace Tagwatch.Core.Tests.Conditions;

public sealed class ScheduleTests
{
    [Theory]
    [InlineData("Mon-Fri 19:00-07:00", "Mon,Tue,Wed,Thu,Fri 19:00-07:00")]
    [InlineData("daily 21:00-07:00", "daily 21:00-07:00")]
    [InlineData("sat,SUN 00:00-24:00; Wed 10:00-12:00", "Sat,Sun 00:00-24:00; Wed 10:00-12:00")]
    [InlineData("Fri-Mon 22:00-06:00", "Mon,Fri,Sat,Sun 22:00-06:00")]
    [InlineData("", "always")]
    public void Parse_AcceptedForms_Normalise(string text, string expected) => Assert.Equal(expected, Schedule.Parse(text).Text);

    [Theory]
    [InlineData("Mon-Fri", "is not 'DAYS HH:mm-HH:mm'")]
    [InlineData("Funday 19:00-07:00", "days 'Funday'")]
    [InlineData("daily 25:00-07:00", "times '25:00-07:00'")]
    [InlineData("daily 19:00", "times '19:00'")]
    public void TryParse_Malformed_NamesThePart(string text, string expected)
    {
        Assert.False(Schedule.TryParse(text, out _, out string? error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ActiveAt_OvernightWindow_CoversTheSmallHoursOfTheNextDay()
    {
        var schedule = Schedule.Parse("Fri 21:00-07:00");

        // Friday 6 November 2026 (GMT): 21:00 Friday to 07:00 Saturday.
        Assert.NotNull(schedule.ActiveAt(Instant.FromUtc(2026, 11, 7, 3, 0)));
        Assert.Null(schedule.ActiveAt(Instant.FromUtc(2026, 11, 7, 7, 0)));
        Assert.Null(schedule.ActiveAt(Instant.FromUtc(2026, 11, 6, 20, 59)));
        Assert.Null(schedule.ActiveAt(Instant.FromUtc(2026, 11, 8, 3, 0)));
    }

    [Fact]
    public void ActiveAt_SummerCurfew_IsInLondonTimeNotUtc()
    {
        var window = Schedule.Parse("daily 21:00-07:00").ActiveAt(Instant.FromUtc(2026, 7, 1, 20, 30))!.Value;

        Assert.Equal(Instant.FromUtc(2026, 7, 1, 20, 0), window.Start); // 21:00 BST
        Assert.Equal(Instant.FromUtc(2026, 7, 2, 6, 0), window.End);
    }

    [Fact]
    public void StartingBetween_NightTheClocksGoForward_IsAnHourShorter()
    {
        // Clocks go forward at 01:00 GMT on Sunday 29 March 2026.
        var windows = Schedule.Parse("daily 21:00-07:00").StartingBetween(Instant.FromUtc(2026, 3, 28, 0, 0), Instant.FromUtc(2026, 3, 30, 0, 0));

        Assert.Equal(2, windows.Count);
        Assert.Equal(Instant.FromUtc(2026, 3, 28, 21, 0), windows[0].Start);
        Assert.Equal(Duration.FromHours(9), windows[0].Duration);
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 20, 0), windows[1].Start);
        Assert.Equal(Duration.FromHours(10), windows[1].Duration);
    }

    [Fact]
    public void StartingBetween_NightTheClocksGoBack_IsAnHourLonger()
    {
        var windows = Schedule.Parse("Sat 21:00-07:00").StartingBetween(Instant.FromUtc(2026, 10, 24, 0, 0), Instant.FromUtc(2026, 10, 25, 0, 0));

        Assert.Equal(Duration.FromHours(11), Assert.Single(windows).Duration);
    }
}
