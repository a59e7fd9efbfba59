using System.Globalization;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;

namespace Tagwatch.Application.Tests.Monitoring;

/// <summary>Listing and showing alerts, the live positions and the alert stream: who sees what, and the audit record.</summary>
public sealed class AlertQueriesTests : IAsyncLifetime
{
    private static readonly Instant Now = Instant.FromUtc(2019, 3, 1, 12, 0);
    private static readonly TagId Worn = TagId.Parse("359881030000002");
    private static readonly TagId InStock = TagId.Parse("359881030000003");
    private static readonly Actor Centre = Actor.Unscoped("mo.centre", Role.MonitoringOfficer);

    private UseCaseHost _host = null!;
    private OffenderReference _wearer;
    private long _wearerAlert;
    private long _stockAlert;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await UseCaseHost.StartAsync();
        var enrolled = await _host.Get<OffenderService>().EnrolAsync(EligibleEnrolment.Of(new LocalDate(2019, 3, 1), new LocalDate(2019, 12, 31)));
        _wearer = enrolled.Offender!.Reference;
        var tags = _host.Get<ITagDirectory>();
        await tags.RegisterAsync([new Tag(Worn, "gt06", null), new Tag(InStock, "gt06", null)]);
        await tags.AssignAsync(Worn, enrolled.Offender.Id, Now - Duration.FromDays(1));
        var alerts = _host.Get<IAlertStore>();
        _wearerAlert = (await alerts.RaiseAsync(new Alert(0, AlertKind.Sos, AlertSeverity.Critical, AlertState.Open, Worn, enrolled.Offender.Id, null, Now, null, Now, "SOS pressed", "{}", 0), "raised")).Id;
        _stockAlert = (await alerts.RaiseAsync(new Alert(0, AlertKind.LowBattery, AlertSeverity.Urgent, AlertState.Resolved, InStock, null, null, Now, null, Now, "battery 15%", "{}", 0), "raised")).Id;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static Actor ProbationFor(params string[] caseload) => new("pat.probation", Role.ProbationOfficer, new HashSet<string>(), new HashSet<string>(caseload));

    [Fact]
    public async Task List_ForTheCentre_HoldsEveryAlertWithItsWearerAndIsAuditedWithTheStates()
    {
        var all = await _host.Get<ListAlerts>().ExecuteAsync(Centre, new ListAlertsRequest(), Cancel);
        var open = await _host.Get<ListAlerts>().ExecuteAsync(Centre, new ListAlertsRequest([AlertState.Open, AlertState.Acknowledged]), Cancel);

        Assert.Equal([(_stockAlert, null), (_wearerAlert, _wearer)], all.Value.Alerts.Select(a => (a.Alert.Id, a.Offender)).OrderBy(a => a.Item1 == _wearerAlert));
        Assert.Equal([_wearerAlert], open.Value.Alerts.Select(a => a.Alert.Id));
        var records = await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ViewAlerts), Cancel);
        Assert.Equal(["2 alerts", "1 alerts (open, acknowledged)"], records.Select(r => r.Event.Data));
        Assert.All(records, r => Assert.Equal(("mo.centre", "MonitoringOfficer", "alert"), (r.Event.Actor, r.Event.ActorRole, r.Event.SubjectType)));
    }

    [Fact]
    public async Task List_ForProbation_HoldsOnlyTheCaseloadsAlerts()
    {
        var own = await _host.Get<ListAlerts>().ExecuteAsync(ProbationFor(_wearer.ToString()), new ListAlertsRequest(), Cancel);
        var other = await _host.Get<ListAlerts>().ExecuteAsync(ProbationFor("TW-99999"), new ListAlertsRequest(), Cancel);

        Assert.Equal([_wearerAlert], own.Value.Alerts.Select(a => a.Alert.Id));
        Assert.Empty(other.Value.Alerts);
    }

    [Fact]
    public async Task List_FilteredByKindSeverityAndTheWearersHomeBorough_HoldsOnlyTheAlertsMatchingEveryFilter()
    {
        var list = _host.Get<ListAlerts>();
        string home = (await _host.Get<IOffenderStore>().ListAsync(Cancel)).Single(o => o.Reference == _wearer).HomeBoroughCode;
        string elsewhere = home == "E09000022" ? "E09000028" : "E09000022";

        var lowBattery = await list.ExecuteAsync(Centre, new ListAlertsRequest(Kinds: [AlertKind.LowBattery]), Cancel);
        var critical = await list.ExecuteAsync(Centre, new ListAlertsRequest(Severities: [AlertSeverity.Critical]), Cancel);
        var inHome = await list.ExecuteAsync(Centre, new ListAlertsRequest(Borough: home), Cancel);
        var inOther = await list.ExecuteAsync(Centre, new ListAlertsRequest(Borough: elsewhere), Cancel);
        var contradictory = await list.ExecuteAsync(Centre, new ListAlertsRequest(Kinds: [AlertKind.Sos], Severities: [AlertSeverity.Urgent]), Cancel);

        Assert.Equal([_stockAlert], lowBattery.Value.Alerts.Select(a => a.Alert.Id));
        Assert.Equal([_wearerAlert], critical.Value.Alerts.Select(a => a.Alert.Id));
        Assert.Equal([_wearerAlert], inHome.Value.Alerts.Select(a => a.Alert.Id));
        Assert.Empty(inOther.Value.Alerts);
        Assert.Empty(contradictory.Value.Alerts);
    }

    [Fact]
    public async Task List_WithALimit_CountsOnlyWhatTheFiltersAndTheCaseloadLeave()
    {
        // Newer alerts of an unworn tag, more than the limit: the wearer's older alert must still be listed.
        var store = _host.Get<IAlertStore>();
        for (int i = 0; i < 3; i++)
        {
            await store.RaiseAsync(new Alert(0, AlertKind.LowBattery, AlertSeverity.Urgent, AlertState.Open, InStock, null, null, Now, null, Now, "battery", "{}", 0), "raised", Cancel);
        }

        var list = _host.Get<ListAlerts>();
        var caseload = await list.ExecuteAsync(ProbationFor(_wearer.ToString()), new ListAlertsRequest(Limit: 1), Cancel);
        var person = await list.ExecuteAsync(Centre, new ListAlertsRequest(Limit: 1, Person: _wearer.ToString()), Cancel);
        var kind = await list.ExecuteAsync(Centre, new ListAlertsRequest(Limit: 1, Kinds: [AlertKind.Sos]), Cancel);

        Assert.Equal([_wearerAlert], caseload.Value.Alerts.Select(a => a.Alert.Id));
        Assert.Equal([_wearerAlert], person.Value.Alerts.Select(a => a.Alert.Id));
        Assert.Equal([_wearerAlert], kind.Value.Alerts.Select(a => a.Alert.Id));
    }

    [Fact]
    public async Task List_OfOnePerson_UnknownIsInvalid_OutsideTheCaseloadIsForbidden()
    {
        var list = _host.Get<ListAlerts>();
        var unknown = await list.ExecuteAsync(Centre, new ListAlertsRequest(Person: "TW-99999"), Cancel);
        var outside = await list.ExecuteAsync(ProbationFor("TW-99998"), new ListAlertsRequest(Person: _wearer.ToString()), Cancel);

        Assert.Equal((FailureKind.Invalid, "person"), (unknown.Failure?.Kind, unknown.Failure?.Field));
        Assert.Equal(FailureKind.Forbidden, outside.Failure?.Kind);
    }

    [Fact]
    public async Task List_FilteredByABoroughThatIsNotOne_IsInvalidNamingTheBorough()
    {
        var result = await _host.Get<ListAlerts>().ExecuteAsync(Centre, new ListAlertsRequest(Borough: "Narnia"), Cancel);

        Assert.Equal((FailureKind.Invalid, "borough"), (result.Failure?.Kind, result.Failure?.Field));
    }

    [Fact]
    public async Task List_ByARoleWithoutViewAlerts_IsForbiddenAndNotAudited()
    {
        var result = await _host.Get<ListAlerts>().ExecuteAsync(Actor.Unscoped("eve", Role.Evaluator), new ListAlertsRequest(), Cancel);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
        Assert.Empty(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ViewAlerts), Cancel));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ListAlerts.MaxLimit + 1)]
    public async Task List_WithALimitOutOfRange_IsInvalidNamingTheLimit(int limit)
    {
        var result = await _host.Get<ListAlerts>().ExecuteAsync(Centre, new ListAlertsRequest(Limit: limit), Cancel);

        Assert.Equal((FailureKind.Invalid, "limit"), (result.Failure?.Kind, result.Failure?.Field));
    }

    [Fact]
    public async Task Show_GivesTheTrailAndTheWearer_AndIsAuditedWithTheAlert()
    {
        var result = await _host.Get<ShowAlert>().ExecuteAsync(ProbationFor(_wearer.ToString()), new ShowAlertRequest(_wearerAlert), Cancel);

        Assert.Equal((_wearer, "raised"), (result.Value.Offender, Assert.Single(result.Value.History).Action));
        var record = Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ViewAlerts), Cancel));
        Assert.Equal(("pat.probation", _wearerAlert.ToString(CultureInfo.InvariantCulture), "alert with evidence and trail"), (record.Event.Actor, record.Event.SubjectId, record.Event.Data));
    }

    [Fact]
    public async Task Show_OffTheCaseload_IsForbidden_AndUnknown_IsNotFound()
    {
        var other = await _host.Get<ShowAlert>().ExecuteAsync(ProbationFor("TW-99999"), new ShowAlertRequest(_wearerAlert), Cancel);
        var nobodys = await _host.Get<ShowAlert>().ExecuteAsync(ProbationFor(_wearer.ToString()), new ShowAlertRequest(_stockAlert), Cancel);
        var unknown = await _host.Get<ShowAlert>().ExecuteAsync(Centre, new ShowAlertRequest(999_999), Cancel);

        Assert.Equal((FailureKind.Forbidden, FailureKind.Forbidden, FailureKind.NotFound), (other.Failure?.Kind, nobodys.Failure?.Kind, unknown.Failure?.Kind));
        Assert.Equal("There is no alert 999999.", unknown.Failure?.Message);
        Assert.Empty(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ViewAlerts), Cancel));
    }

    [Fact]
    public async Task LivePositions_GiveEachWornTagsLatestFixAndContact_AndAreAudited()
    {
        var at = Now - Duration.FromMinutes(5);
        await _host.Get<IFixStore>().AppendAsync(new Dictionary<TagId, List<Fix>>
        {
            [Worn] = [Fix.Create(at - Duration.FromMinutes(1), at, new GeoPoint(51.46, -0.11), 8), Fix.Create(at, at, new GeoPoint(51.47, -0.12), 9)],
            [InStock] = [Fix.Create(at, at, new GeoPoint(51.5, -0.1), 9)],
        }, Cancel);
        var commit = new IngestCommit();
        commit.Contacts[Worn] = new DeviceContact(Worn, at, at, 64, false, "gt06");
        await _host.Get<IIngestStore>().CommitAsync(commit, Cancel);

        var result = await _host.Get<ReadLivePositions>().ExecuteAsync(Centre, new ReadLivePositionsRequest(), Cancel);

        var position = Assert.Single(result.Value.Positions);
        Assert.Equal((Worn, _wearer, at, at, 64), (position.Tag, position.Offender, position.Last?.Time, position.LastContact, position.BatteryPercent));
        var record = Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ViewPositions), Cancel));
        Assert.Equal(("mo.centre", "live positions of 1 active tags"), (record.Event.Actor, record.Event.Data));
    }

    [Fact]
    public async Task LivePositions_ForPolice_AreForbidden()
    {
        var police = new Actor("sam.police", Role.Police, new HashSet<string> { "E09000022" }, new HashSet<string>());

        var result = await _host.Get<ReadLivePositions>().ExecuteAsync(police, new ReadLivePositionsRequest(), Cancel);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
    }

    [Fact]
    public async Task Watch_IsAuditedOnce_AndShowsEachChangeOnlyToWhoMaySeeItAsTheAccountStandsNow()
    {
        var opened = await _host.Get<WatchAlerts>().ExecuteAsync(ProbationFor(_wearer.ToString()), new WatchAlertsRequest(), Cancel);
        var watch = opened.Value;
        var wearers = await _host.Get<IAlertStore>().FindAsync(_wearerAlert, Cancel);
        var stock = await _host.Get<IAlertStore>().FindAsync(_stockAlert, Cancel);

        Assert.Equal(_wearer, (await watch.SeenByAsync(ProbationFor(_wearer.ToString()), wearers!, Cancel))?.Offender);
        Assert.Null(await watch.SeenByAsync(ProbationFor(_wearer.ToString()), stock!, Cancel));
        Assert.Null(await watch.SeenByAsync(ProbationFor("TW-99999"), wearers!, Cancel)); // the caseload changed since the stream opened
        Assert.Null(await watch.SeenByAsync(Actor.Unscoped("pat.probation", Role.Evaluator), wearers!, Cancel)); // and now the role
        Assert.NotNull(await watch.SeenByAsync(Centre, stock!, Cancel));
        var record = Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ViewAlerts), Cancel));
        Assert.Equal("live alert stream opened", record.Event.Data);
    }

    [Fact]
    public async Task Watch_ByARoleWithoutViewAlerts_IsForbidden()
    {
        var result = await _host.Get<WatchAlerts>().ExecuteAsync(Actor.Unscoped("auditor", Role.Auditor), new WatchAlertsRequest(), Cancel);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
    }

    [Fact]
    public async Task Evaluate_CountsTheAlertsItRaises_HoweverManyAlertsThereAreAlready()
    {
        var alerts = _host.Get<IAlertStore>();
        for (int i = 0; i < 500; i++)
        {
            await alerts.RaiseAsync(new Alert(0, AlertKind.PowerCut, AlertSeverity.Urgent, AlertState.Resolved, InStock, null, null, Now, Now, Now, "power cut", "{}", 0), "raised", Cancel);
        }

        // The worn tag is heard but has had no position since it was fitted a day ago: unable to monitor.
        var commit = new IngestCommit();
        commit.Contacts[Worn] = new DeviceContact(Worn, Now, null, 80, false, "gt06");
        await _host.Get<IIngestStore>().CommitAsync(commit, Cancel);

        var result = await _host.Get<EvaluateAlerts>().ExecuteAsync(Centre, new EvaluateAlertsRequest(), Cancel);

        Assert.Equal(1, result.Value.NewAlerts);
        Assert.Contains(await alerts.ListAsync(new AlertQuery([AlertState.Open], Limit: 10), Cancel), a => a.Type == AlertKind.NoFix);
    }
}
