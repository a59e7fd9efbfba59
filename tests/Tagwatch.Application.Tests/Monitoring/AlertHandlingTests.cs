using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;

namespace Tagwatch.Application.Tests.Monitoring;

public sealed class AlertHandlingTests : IAsyncLifetime
{
    private static readonly Actor Centre = Actor.Unscoped("mo.centre", Role.MonitoringOfficer);
    private static readonly TagId Tag = TagId.Parse("tag-1");

    private UseCaseHost _host = null!;
    private long _id;

    public async ValueTask InitializeAsync()
    {
        _host = await UseCaseHost.StartAsync();
        await _host.Get<ITagDirectory>().RegisterAsync([new Tag(Tag, "osmand", null)]);
        var at = Instant.FromUtc(2019, 3, 1, 11, 0);
        var raised = await _host.Get<IAlertStore>().RaiseAsync(
            new Alert(0, AlertKind.Sos, AlertSeverity.Critical, AlertState.Open, Tag, null, null, at, null, at, "SOS pressed", "{}", 0), "raised");
        _id = raised.Id;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Acknowledge_OpenAlert_IsOnTheTrailTheFeedAndTheAuditWithTheNote()
    {
        var feed = _host.Get<AlertFeed>();
        using var stop = new CancellationTokenSource();
        var changes = feed.SubscribeAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = changes.MoveNextAsync();

        var result = await _host.Get<AcknowledgeAlert>().ExecuteAsync(Centre, new HandleAlertRequest(_id, "calling the wearer"), TestContext.Current.CancellationToken);

        Assert.Equal(AlertState.Acknowledged, result.Value.State);
        Assert.True(await next);
        Assert.Equal("acknowledged", changes.Current.Action);
        var history = await _host.Get<IAlertStore>().HistoryAsync(_id, TestContext.Current.CancellationToken);
        Assert.Equal(("acknowledged", "mo.centre"), (history[^1].Action, history[^1].By));
        var record = Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.HandleAlert), TestContext.Current.CancellationToken));
        Assert.Equal(("mo.centre", "MonitoringOfficer", "alert", _id.ToString(System.Globalization.CultureInfo.InvariantCulture), "acknowledged: calling the wearer"),
            (record.Event.Actor, record.Event.ActorRole, record.Event.SubjectType, record.Event.SubjectId, record.Event.Data));
        await stop.CancelAsync();
        await changes.DisposeAsync();
    }

    [Fact]
    public async Task Acknowledge_ByARoleThatDoesNotHandleAlerts_IsForbiddenAndChangesNothing()
    {
        var result = await _host.Get<AcknowledgeAlert>().ExecuteAsync(Actor.Unscoped("pat.probation", Role.ProbationOfficer), new HandleAlertRequest(_id, null), TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
        Assert.Equal(AlertState.Open, (await _host.Get<IAlertStore>().FindAsync(_id, TestContext.Current.CancellationToken))?.State);
        Assert.Empty(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.HandleAlert), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Acknowledge_UnknownAlert_IsNotFound_AndTwice_IsAConflict()
    {
        var unknown = await _host.Get<AcknowledgeAlert>().ExecuteAsync(Centre, new HandleAlertRequest(999_999, null), TestContext.Current.CancellationToken);
        await _host.Get<AcknowledgeAlert>().ExecuteAsync(Centre, new HandleAlertRequest(_id, null), TestContext.Current.CancellationToken);
        var again = await _host.Get<AcknowledgeAlert>().ExecuteAsync(Centre, new HandleAlertRequest(_id, null), TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.NotFound, FailureKind.Conflict), (unknown.Failure?.Kind, again.Failure?.Kind));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task Resolve_WithoutANote_IsInvalidNamingTheNote(string? note)
    {
        var result = await _host.Get<ResolveAlert>().ExecuteAsync(Centre, new HandleAlertRequest(_id, note), TestContext.Current.CancellationToken);

        Assert.Equal((FailureKind.Invalid, "note"), (result.Failure?.Kind, result.Failure?.Field));
    }

    [Fact]
    public async Task Resolve_WithANoteByANamedOperator_ClosesTheAlertAndRecordsTheActorAndTheNote()
    {
        var result = await _host.Get<ResolveAlert>().ExecuteAsync(Centre, new HandleAlertRequest(_id, "police informed", By: "operator 7"), TestContext.Current.CancellationToken);

        Assert.Equal(AlertState.Resolved, result.Value.State);
        var history = await _host.Get<IAlertStore>().HistoryAsync(_id, TestContext.Current.CancellationToken);
        Assert.Equal(("resolved", "operator 7", "police informed"), (history[^1].Action, history[^1].By, history[^1].Note));
        var record = Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.HandleAlert), TestContext.Current.CancellationToken));
        Assert.Equal(("mo.centre", "resolved: police informed"), (record.Event.Actor, record.Event.Data));
    }

    [Fact]
    public async Task Evaluate_RecordsTheTrailReadBeforeReadingAndCountsTheWornTags()
    {
        var result = await _host.Get<EvaluateAlerts>().ExecuteAsync(Centre, new EvaluateAlertsRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(0, result.Value.WornTags);
        Assert.Equal(Instant.FromUtc(2019, 2, 28, 12, 0), result.Value.From);
        var record = Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ViewTrail), TestContext.Current.CancellationToken));
        Assert.Equal(("mo.centre", "tag"), (record.Event.Actor, record.Event.SubjectType));
        Assert.StartsWith("monitoring pass over the fixes of 0 worn tags", record.Event.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_ByARoleThatDoesNotHandleAlerts_IsForbidden()
    {
        var result = await _host.Get<EvaluateAlerts>().ExecuteAsync(Actor.Unscoped("eve", Role.Evaluator), new EvaluateAlertsRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
    }
}
