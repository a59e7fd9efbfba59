using Tagwatch.Application.Audit;
using Tagwatch.Application.Notifications;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tests.Notifications;

/// <summary>Opting in and out, the settings and the record of notifications: who may, what is refused, what is audited.</summary>
public sealed class NotificationUseCasesTests : IAsyncLifetime
{
    private static readonly Actor Pat = new("pat.probation", Role.ProbationOfficer, new HashSet<string>(), new HashSet<string>(["TW-00001"]));

    private UseCaseHost _host = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await UseCaseHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Subscribe_ByAProbationOfficer_IsShownInTheirSettingsAndAudited()
    {
        var subscribed = await _host.Get<SubscribeToCaseloadAlerts>().ExecuteAsync(Pat, new SubscribeToCaseloadAlertsRequest(" pat@probation.example.gov.uk "), Cancel);
        var settings = await _host.Get<ShowNotificationSettings>().ExecuteAsync(Pat, new ShowNotificationSettingsRequest(), Cancel);

        Assert.Equal("pat@probation.example.gov.uk", subscribed.Value.Email);
        Assert.Equal("pat@probation.example.gov.uk", settings.Value.Subscription?.Email);
        Assert.False(settings.Value.Enabled);
        var record = Assert.Single(await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: NotificationAudit.Subscription), Cancel));
        Assert.Equal(("pat.probation", "pat.probation"), (record.Event.Actor, record.Event.SubjectId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("Pat <pat@probation.example.gov.uk>")]
    [InlineData("a@example.gov.uk, b@example.gov.uk")]
    public async Task Subscribe_WithoutOneBareAddress_IsInvalidNamingTheField(string? email)
    {
        var result = await _host.Get<SubscribeToCaseloadAlerts>().ExecuteAsync(Pat, new SubscribeToCaseloadAlertsRequest(email), Cancel);

        Assert.Equal((FailureKind.Invalid, "email"), (result.Failure?.Kind, result.Failure?.Field));
    }

    [Theory]
    [InlineData(Role.MonitoringOfficer)]
    [InlineData(Role.Administrator)]
    [InlineData(Role.Police)]
    public async Task Subscribe_ByAnotherRole_IsForbidden(Role role)
    {
        var result = await _host.Get<SubscribeToCaseloadAlerts>().ExecuteAsync(Actor.Unscoped("someone", role), new SubscribeToCaseloadAlertsRequest("someone@example.gov.uk"), Cancel);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
    }

    [Fact]
    public async Task Unsubscribe_RemovesTheAddress_AndWithoutAnOptInIsNotFound()
    {
        await _host.Get<SubscribeToCaseloadAlerts>().ExecuteAsync(Pat, new SubscribeToCaseloadAlertsRequest("pat@probation.example.gov.uk"), Cancel);

        var first = await _host.Get<UnsubscribeFromCaseloadAlerts>().ExecuteAsync(Pat, new UnsubscribeFromCaseloadAlertsRequest(), Cancel);
        var second = await _host.Get<UnsubscribeFromCaseloadAlerts>().ExecuteAsync(Pat, new UnsubscribeFromCaseloadAlertsRequest(), Cancel);

        Assert.True(first.Value);
        Assert.Equal(FailureKind.NotFound, second.Failure?.Kind);
        Assert.Null(await _host.Get<ICaseloadSubscriptions>().FindAsync("pat.probation", Cancel));
    }

    [Theory]
    [InlineData(Role.MonitoringOfficer, true)]
    [InlineData(Role.Administrator, true)]
    [InlineData(Role.ProbationOfficer, false)]
    [InlineData(Role.Police, false)]
    [InlineData(Role.Evaluator, false)]
    public async Task List_IsForTheCentreAndAdministratorsOnly_AndAudited(Role role, bool allowed)
    {
        var result = await _host.Get<ListNotifications>().ExecuteAsync(Actor.Unscoped("someone", role), new ListNotificationsRequest(), Cancel);

        Assert.Equal(allowed, result.Succeeded);
        Assert.Equal(allowed ? 1 : 0, (await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: NotificationAudit.View), Cancel)).Count);
    }

    [Fact]
    public async Task Settings_ForARoleThatNeitherOptsInNorReadsTheRecord_IsForbidden()
    {
        var result = await _host.Get<ShowNotificationSettings>().ExecuteAsync(Actor.Unscoped("eve", Role.Evaluator), new ShowNotificationSettingsRequest(), Cancel);

        Assert.Equal(FailureKind.Forbidden, result.Failure?.Kind);
    }
}
