using Tagwatch.Application.Monitoring;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Matches;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Storage;

namespace Tagwatch.Simulation.Tests;

/// <summary>A demo pilot dated to the present, loaded and staged once on a fake clock, as <c>tagwatch demo</c> does.</summary>
public sealed class StagedPilot : IAsyncLifetime
{
    /// <summary>The present of these tests: any instant would do, so one far from 2019.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 12, 4, 10, 0);

    /// <summary>Long enough for alerts older than the two days left open to the monitoring officer.</summary>
    public const int Days = 12;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tagwatch-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(Now.ToDateTimeOffset());

    public TagwatchServices Services { get; private set; } = null!;

    public PilotSimulation Pilot { get; private set; } = null!;

    public SimulationLoader.Summary Loaded { get; private set; } = null!;

    public PilotStaging.Summary Staged { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var replay = new ReplayClock(Clock);
        Services = await TagwatchServices.OpenAsync(Path.Combine(_directory, "demo.db"), replay);
        // Fifty people: one of them (the fiftieth) finished their licence during the week.
        Pilot = PilotSimulation.Create(new SimulationOptions { Tags = 50, Days = Days, Seed = 4, CrimesPerDay = 100, Until = Now });
        Loaded = await new SimulationLoader(Services.Offenders, Services.OffenderStore, Services.Tags, Services.Fixes, Services.Ingest, Services.CrimeImporter, Services.Quality).LoadAsync(Pilot);
        Staged = await new PilotStaging(Services.OffenderStore, Services.Conditions, Services.Monitor, Services.Alerts, Services.AlertDesk, Services.ScoredCorrelation, Services.Matches, Services.Review, replay).StageAsync(Pilot);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; never fail a test over it.
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class PilotStagingTests(StagedPilot demo) : IClassFixture<StagedPilot>
{
    private static readonly LocalDate Today = StagedPilot.Now.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;

    [Fact]
    public void Pilot_HistoryEndsNow_WithNothingFromTheFuture()
    {
        Assert.Equal(StagedPilot.Now, demo.Pilot.HistoryEnd);
        Assert.Equal(StagedPilot.Now - Duration.FromDays(StagedPilot.Days), demo.Pilot.HistoryStart);
        Assert.All(demo.Pilot.Crimes, c => Assert.True(c.CommittedTo <= StagedPilot.Now && c.CommittedFrom >= demo.Pilot.HistoryStart));
        var fixes = demo.Pilot.SampleTrail(0).Fixes;
        Assert.True(fixes[^1].Time < StagedPilot.Now && fixes[^1].Time > StagedPilot.Now - Duration.FromMinutes(10));
    }

    [Fact]
    public async Task Every_tag_with_a_trail_has_its_last_contact_and_fix_recorded_as_a_listener_would()
    {
        var contacts = (await demo.Services.Ingest.ContactsAsync()).ToDictionary(c => c.Tag);

        for (int i = 0; i < demo.Pilot.Offenders.Count; i++)
        {
            var fixes = demo.Pilot.SampleTrail(i).Fixes;
            var contact = contacts[demo.Pilot.Offenders[i].Tag];
            Assert.Equal(fixes.Max(f => f.Time), contact.LastFix);
            Assert.Equal(fixes.Max(f => f.Received), contact.LastContact);
            Assert.Equal("osmand", contact.Protocol);
        }
    }

    [Fact]
    public async Task People_AreOnLicenceToday_ButTheOneWhoseLicenceEnded()
    {
        var people = await demo.Services.Offenders.ListAsync();

        Assert.Equal(50, demo.Loaded.Enrolled);
        var ended = Assert.Single(people, p => p.StatusOn(Today) != OffenderStatus.Active);
        Assert.Equal("TW-00050", ended.Reference.Value);
        Assert.True(ended.MonitoringEnd < Today && ended.MonitoringEnd >= demo.Pilot.HistoryStart.InUtc().Date.PlusDays(-1));
        Assert.All(people.Where(p => p != ended), p => Assert.True(p.LicenceStart <= demo.Pilot.HistoryStart.InUtc().Date && p.MonitoringEnd > Today.PlusDays(28)));
        // The ended person's tag came off with the licence: no fix after it.
        var fixes = demo.Pilot.SampleTrail(49).Fixes;
        Assert.True(fixes[^1].Time < ended.MonitoringEnd.PlusDays(1).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/London"]).ToInstant());
    }

    [Fact]
    public async Task Enrol_InTheDemoScheme_TodayIsAccepted()
    {
        var scheme = await demo.Services.OffenderStore.GetSchemeAsync();
        var request = new EnrolmentRequest
        {
            Person = new PersonalDetails("Sam", "Newman", new LocalDate(1996, 4, 1)),
            IndexOffences = [IndexOffence.Robbery],
            CustodialSentenceServed = true,
            GpsLicenceCondition = true,
            LicenceStart = Today,
            LicenceEnd = Today.PlusMonths(9),
            ReleaseAddress = new GeoPoint(51.4613, -0.1156),
            RiskTier = RiskTier.High,
        };

        var decision = EnrolmentRules.Evaluate(scheme, request, await demo.Services.OffenderStore.CountMonitoredAsync(Today), BoroughMap());

        Assert.True(scheme.StartDate < demo.Pilot.HistoryStart.InUtc().Date && scheme.EndDate > Today.PlusMonths(3));
        Assert.True(decision.IsAccepted, string.Join("; ", decision.Refusals.Select(r => r.Reason)));
    }

    [Fact]
    public async Task Alerts_TheLastDaysOpen_OlderOnesResolved()
    {
        var all = await demo.Services.Alerts.ListAsync(new AlertQuery(Limit: int.MaxValue));
        var open = all.Where(a => a.State == AlertState.Open).ToList();
        var conditions = await demo.Services.Conditions.ActiveAsync();

        Assert.True(demo.Staged.Conditions >= 20, $"{demo.Staged.Conditions} conditions");
        Assert.NotEmpty(open);
        Assert.Equal(demo.Staged.OpenAlerts, open.Count);
        // Those that ended before the last two days, but for the latest few, were dealt with; the rest await the officer.
        var dealtWith = all.Where(a => a.End is { } end && end <= StagedPilot.Now - PilotStaging.LeftOpen)
            .OrderByDescending(a => a.End).Skip(PilotStaging.LatestLeftOpen).ToList();
        Assert.NotEmpty(dealtWith);
        Assert.All(dealtWith, a => Assert.Equal(AlertState.Resolved, a.State));
        Assert.Equal(demo.Staged.ResolvedAlerts, all.Count(a => a.State == AlertState.Resolved));
        Assert.Equal(dealtWith.Count, demo.Staged.ResolvedAlerts);
        Assert.All(open, a => Assert.True(a.Raised <= StagedPilot.Now && a.Start >= demo.Pilot.HistoryStart - Duration.FromHours(1)));
        // The ended person's conditions ended with the licence; everyone else's are in force.
        var ended = (await demo.Services.Offenders.ListAsync()).Single(p => p.Reference.Value == "TW-00050");
        Assert.DoesNotContain(conditions, c => c.Offender == ended.Id);
        Assert.Equal(demo.Staged.Conditions - demo.Pilot.Conditions.Count(c => c.Offender.Value == "TW-00050"), conditions.Count);
    }

    [Fact]
    public async Task Matches_SignificantAwaitReview_AndOneIsDisclosedWithAnOutcome()
    {
        var matches = await demo.Services.Matches.ListMatchesAsync();

        Assert.Contains(matches, m => m.Significant && m.State.Equals(nameof(MatchState.New), StringComparison.OrdinalIgnoreCase));
        var disclosed = Assert.Single(matches, m => m.State.Equals(nameof(MatchState.Disclosed), StringComparison.OrdinalIgnoreCase));
        Assert.True(disclosed.Significant);
        Assert.Contains(disclosed.BoroughCode, demo.Pilot.Scheme.BoroughCodes);
        Assert.Equal(nameof(PoliceOutcome.Eliminated), disclosed.Outcome, ignoreCase: true);
        Assert.Equal(disclosed.Id, demo.Staged.Disclosed?.Id);
        var reviews = await demo.Services.Matches.ReviewsAsync(disclosed.Id);
        Assert.Equal(3, reviews.Count);
    }

    private static Core.Boroughs.BoroughMap BoroughMap() => Core.Boroughs.BoroughMap.London;
}
