using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;
using Tagwatch.Tests;

namespace Tagwatch.Storage.Tests.Monitoring;

public abstract class LicenceMonitorTests(StoreKind kind) : IAsyncLifetime
{
    private static readonly Instant Start = Instant.FromUtc(2019, 3, 1, 12, 0);
    private static readonly GeoPoint Victim = new(51.4613, -0.1156);
    private static readonly TagId Tag = TagId.Parse("359881030000002");
    private TemporaryDatabase _db = null!;
    private OffenderId _person;

    public async ValueTask InitializeAsync()
    {
        _db = await TemporaryDatabase.CreateAsync(kind);
        var enrolled = await _db.Offenders.EnrolAsync(EligibleEnrolment.Of(new LocalDate(2019, 3, 1), new LocalDate(2019, 12, 31)));
        _person = enrolled.Offender!.Id;
        await _db.Tags.RegisterAsync([new Tag(Tag, "gt06", null)]);
        await _db.Tags.AssignAsync(Tag, _person, Start - Duration.FromDays(1));
        _db.Clock.Advance(TimeSpan.FromMinutes(30)); // the present: 12:30, after the fixes the tests store
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _db.DisposeAsync();
    }

    [Fact]
    public async Task FixesInsideAnExclusionZone_RaiseOneCriticalAlertWithEvidence()
    {
        var zone = await ExclusionAsync();
        await StoreAsync(Walk(0, [500, 100, 100, 100, 100]));

        await _db.Monitor.EvaluateTagAsync(Tag, Start);

        var alert = Assert.Single(await _db.Alerts.ListAsync());
        Assert.Equal(AlertKind.ExclusionBreach, alert.Type);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(zone.Id, alert.ConditionId);
        Assert.Equal(_person, alert.Offender);
        Assert.Equal(Start + Duration.FromMinutes(1), alert.Start);
        Assert.Null(alert.End);
        Assert.Contains("\"wrong_side_m\"", alert.EvidenceJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReEvaluatingTheSameFixes_ChangesNothing()
    {
        await ExclusionAsync();
        await StoreAsync(Walk(0, [500, 100, 100, 100, 100]));

        await _db.Monitor.EvaluateTagAsync(Tag, Start);
        await _db.Monitor.EvaluateTagAsync(Tag, Start);

        var alert = Assert.Single(await _db.Alerts.ListAsync());
        Assert.Single(await _db.Alerts.HistoryAsync(alert.Id));
    }

    [Fact]
    public async Task LeavingTheZone_EndsTheAlertOnItsTrail()
    {
        await ExclusionAsync();
        await StoreAsync(Walk(0, [500, 100, 100, 100]));
        await _db.Monitor.EvaluateTagAsync(Tag, Start);

        await StoreAsync(Walk(4, [400, 500]));
        await _db.Monitor.EvaluateTagAsync(Tag, Start + Duration.FromMinutes(4));

        var alert = Assert.Single(await _db.Alerts.ListAsync());
        Assert.Equal(Start + Duration.FromMinutes(4), alert.End);
        Assert.Equal(["raised", "ended"], (await _db.Alerts.HistoryAsync(alert.Id)).Select(h => h.Action));
    }

    [Fact]
    public async Task LateFixesShowingTheWearerOutside_WithdrawTheAlert()
    {
        await ExclusionAsync();
        // Two fixes at the edge of the zone, with a gap between them, are a breach on their own…
        await StoreAsync([Fix.Create(Start, Start, Offset(100), 10), Fix.Create(Start + Duration.FromMinutes(2), Start, Offset(100), 10)]);
        await _db.Monitor.EvaluateTagAsync(Tag, Start);
        // …until the buffered fix between them arrives: the wearer was well outside, so there is no run of evidence.
        await StoreAsync([Fix.Create(Start + Duration.FromMinutes(1), Start, Offset(600), 10)]);
        await _db.Monitor.EvaluateTagAsync(Tag, Start + Duration.FromMinutes(1));

        var alert = Assert.Single(await _db.Alerts.ListAsync());
        Assert.Equal(AlertState.Withdrawn, alert.State);
        Assert.Contains("later-arriving fixes", (await _db.Alerts.HistoryAsync(alert.Id))[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BreachInASuspensionWindow_RaisesNoAlert()
    {
        var zone = await ExclusionAsync();
        await _db.Conditions.SuspendAsync(zone.Id, Start - Duration.FromHours(1), Start + Duration.FromHours(1), "court appearance nearby", "officer");
        await StoreAsync(Walk(0, [100, 100, 100]));

        await _db.Monitor.EvaluateTagAsync(Tag, Start);

        Assert.Empty(await _db.Alerts.ListAsync());
    }

    [Fact]
    public async Task StrapTamperRepeated_IsOneAlertWithRepeats()
    {
        var events = Enumerable.Range(0, 3).Select(i => new DeviceEventRecord(Tag, Start + Duration.FromSeconds(i), Start, "strap_tamper")).ToList();

        await _db.Monitor.OnDeviceReportsAsync(events, []);

        var alert = Assert.Single(await _db.Alerts.ListAsync());
        Assert.Equal((AlertKind.StrapTamper, AlertSeverity.Critical, 2), (alert.Type, alert.Severity, alert.Repeats));
    }

    [Fact]
    public async Task FallingBattery_RaisesLowThenCriticalAndChargingEndsBoth()
    {
        await _db.Monitor.OnDeviceReportsAsync([], [new DeviceContact(Tag, Start, Start, 18, false, "gt06")]);
        await _db.Monitor.OnDeviceReportsAsync([], [new DeviceContact(Tag, Start + Duration.FromMinutes(60), Start, 8, false, "gt06")]);
        await _db.Monitor.OnDeviceReportsAsync([], [new DeviceContact(Tag, Start + Duration.FromMinutes(70), Start, 9, true, "gt06")]);

        var alerts = (await _db.Alerts.ListAsync()).OrderBy(a => a.Id).ToList();
        Assert.Equal([(AlertKind.LowBattery, AlertSeverity.Urgent), (AlertKind.CriticalBattery, AlertSeverity.Critical)], alerts.Select(a => (a.Type, a.Severity)));
        Assert.All(alerts, a => Assert.Equal(Start + Duration.FromMinutes(70), a.End));
    }

    [Fact]
    public async Task Silence_RaisesNoContactAndContactEndsIt()
    {
        await _db.Monitor.OnDeviceReportsAsync([], [new DeviceContact(Tag, Start, Start, 80, false, "gt06")]);
        await _db.Ingest.CommitAsync(Commit(new DeviceContact(Tag, Start, Start, 80, false, "gt06")));
        _db.Clock.Advance(TimeSpan.FromMinutes(25));

        await _db.Monitor.TickAsync();
        var raised = Assert.Single(await _db.Alerts.ListAsync());
        await _db.Monitor.OnDeviceReportsAsync([], [new DeviceContact(Tag, Start + Duration.FromMinutes(25), Start + Duration.FromMinutes(25), 80, false, "gt06")]);

        Assert.Equal(AlertKind.NoContact, raised.Type);
        Assert.Equal(Start + Duration.FromMinutes(25), (await _db.Alerts.FindAsync(raised.Id))!.End);
    }

    [Fact]
    public async Task TagInContactThatNeverFixed_IsUnableToMonitorCountingFromItsFitting()
    {
        var now = Start + Duration.FromMinutes(30);
        await _db.Ingest.CommitAsync(Commit(new DeviceContact(Tag, now, null, 80, false, "gt06")));

        await _db.Monitor.TickAsync();

        var alert = Assert.Single(await _db.Alerts.ListAsync());
        Assert.Equal(AlertKind.NoFix, alert.Type);
        Assert.Equal(Instant.FromUtc(2019, 3, 1, 0, 0), alert.Start); // fitted the day before, never a position since monitoring began
    }

    [Fact]
    public async Task CurfewWithTheWearerAwayAndNoFixesSince_IsBreachedAtItsStartCheckNamingTheFixes()
    {
        await CurfewAsync("daily 13:00-14:00", Duration.FromMinutes(5));
        await StoreAsync(AtHomeOffset(50, [800, 800, 800])); // away 12:50-12:52, then silent
        await _db.Monitor.TickAsync(); // 12:30: nothing due
        _db.Clock.Advance(TimeSpan.FromMinutes(40)); // 13:10

        await _db.Monitor.TickAsync();

        var alert = Assert.Single(await _db.Alerts.ListAsync(), a => a.Type == AlertKind.CurfewBreach);
        Assert.Equal(Start + Duration.FromMinutes(65), alert.Start);
        Assert.Contains("\"time\":\"2019-03-01T12:52:00Z\"", alert.EvidenceJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomeSecondsBeforeAGraceZeroCurfew_RaisesNoAlert()
    {
        await CurfewAsync("daily 13:00-14:00", Duration.Zero);
        var sixSecondsBefore = Start + Duration.FromMinutes(60) - Duration.FromSeconds(6);
        await StoreAsync([Fix.Create(sixSecondsBefore, sixSecondsBefore, Home, 10)]);
        await _db.Monitor.TickAsync(); // 12:30
        _db.Clock.Advance(TimeSpan.FromSeconds((30 * 60) + 30)); // 13:00:30

        await _db.Monitor.TickAsync();
        await _db.Monitor.EvaluateTagAsync(Tag, sixSecondsBefore);

        Assert.Empty(await _db.Alerts.ListAsync());
    }

    [Fact]
    public async Task CurfewAddedDuringItsHours_RaisesNoBreachFromBeforeItWasAdded()
    {
        // Out from noon; the 12:00-14:00 curfew is added at 12:30, by when the wearer is home.
        await StoreAsync([.. AtHomeOffset(0, [.. Enumerable.Repeat(800.0, 25)]), .. AtHomeOffset(26, [0, 0, 0])]);
        await CurfewAsync("daily 12:00-14:00", Duration.FromMinutes(10), addedNow: true);

        await _db.Monitor.EvaluateTagAsync(Tag, Start + Duration.FromMinutes(26));
        await _db.Monitor.TickAsync();

        Assert.Empty(await _db.Alerts.ListAsync());
    }

    [Fact]
    public async Task Operator_AcknowledgesThenResolvesWithANote()
    {
        await _db.Monitor.OnDeviceReportsAsync([new DeviceEventRecord(Tag, Start, Start, "sos")], []);
        var alert = Assert.Single(await _db.Alerts.ListAsync());

        await _db.AlertDesk.AcknowledgeAsync(alert.Id, "operator 7", null);
        await Assert.ThrowsAsync<ArgumentException>(() => _db.AlertDesk.ResolveAsync(alert.Id, "operator 7", " "));
        await _db.AlertDesk.ResolveAsync(alert.Id, "operator 7", "called the wearer: button pressed by mistake");

        Assert.Equal(AlertState.Resolved, (await _db.Alerts.FindAsync(alert.Id))!.State);
        await Assert.ThrowsAsync<Core.NotAllowedNowException>(() => _db.AlertDesk.AcknowledgeAsync(alert.Id, "operator 8", null));
        Assert.Equal(["raised", "acknowledged", "resolved"], (await _db.Alerts.HistoryAsync(alert.Id)).Select(h => h.Action));
    }

    [Fact]
    public async Task ConditionWithAStatedStart_AppliesFromIt()
    {
        var zone = new LicenceCondition(0, _person, ConditionKind.Exclusion, ZoneArea.Circle(Victim, 200), Schedule.Always, Duration.Zero, new DecisionRules(), "victim's street");
        await StoreAsync(Walk(0, [500, 100, 100, 100, 100]));

        var added = await _db.Conditions.AddAsync(zone with { AppliesFrom = Start }, 0, "officer"); // recorded at 12:30, stated from noon
        await _db.Monitor.EvaluateTagAsync(Tag, Start);

        Assert.Equal(Start, Assert.Single(await _db.Conditions.ActiveAsync()).AppliesFrom);
        Assert.Equal((added.Id, Start + Duration.FromMinutes(1)), Assert.Single(await _db.Alerts.ListAsync()) is var a ? (a.ConditionId, a.Start) : default);
    }

    [Fact]
    public async Task FindInForce_FindsAConditionUntilItIsEnded()
    {
        var zone = await _db.Conditions.AddAsync(
            new LicenceCondition(0, _person, ConditionKind.Exclusion, ZoneArea.Circle(Victim, 200), Schedule.Always, Duration.Zero, new DecisionRules(), "victim's street"), 0, "officer");

        var before = await _db.Conditions.FindInForceAsync(zone.Id);
        await _db.Conditions.EndAsync(zone.Id, "officer");

        Assert.Equal("victim's street", before?.Label);
        Assert.Null(await _db.Conditions.FindInForceAsync(zone.Id));
    }

    private static readonly GeoPoint Home = new(51.45, -0.10);

    // Conditions apply from when they are added, so the tests' conditions are added an hour before their fixes
    // (at 11:00) unless a test says they are added now.
    private Storage.Monitoring.EfConditionStore ConditionsAddedEarlier =>
        new(_db.Database, new Microsoft.Extensions.Time.Testing.FakeTimeProvider((Start - Duration.FromHours(1)).ToDateTimeOffset()));

    private Task<LicenceCondition> CurfewAsync(string schedule, Duration grace, bool addedNow = false) =>
        (addedNow ? _db.Conditions : ConditionsAddedEarlier).AddAsync(new LicenceCondition(0, _person, ConditionKind.Curfew, ZoneArea.Circle(Home, 50), Schedule.Parse(schedule), grace, new DecisionRules(), "home"), 0, "officer");

    // One fix a minute from the given minute after noon, each the given distance north of home.
    private static List<Fix> AtHomeOffset(int fromMinute, double[] metresNorth) =>
        [.. metresNorth.Select((m, i) => Fix.Create(Start + Duration.FromMinutes(fromMinute + i), Start, new GeoPoint(Home.Latitude + (m / 111_250), Home.Longitude), 10))];

    private Task<LicenceCondition> ExclusionAsync() =>
        ConditionsAddedEarlier.AddAsync(new LicenceCondition(0, _person, ConditionKind.Exclusion, ZoneArea.Circle(Victim, 200), Schedule.Always, Duration.Zero, new DecisionRules(), "victim's street"), 0, "officer");

    private Task StoreAsync(List<Fix> fixes) => _db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = fixes });

    private static IngestCommit Commit(DeviceContact contact)
    {
        var commit = new IngestCommit();
        commit.Contacts[contact.Tag] = contact;
        return commit;
    }

    private static List<Fix> Walk(int fromMinute, double[] metresNorth) =>
        [.. metresNorth.Select((m, i) => Fix.Create(Start + Duration.FromMinutes(fromMinute + i), Start, Offset(m), 10))];

    private static GeoPoint Offset(double metresNorth) => new(Victim.Latitude + (metresNorth / 111_250), Victim.Longitude);
}

public sealed class LicenceMonitorTestsSqlite() : LicenceMonitorTests(StoreKind.Sqlite);

public sealed class LicenceMonitorTestsPostgres() : LicenceMonitorTests(StoreKind.Postgres);
