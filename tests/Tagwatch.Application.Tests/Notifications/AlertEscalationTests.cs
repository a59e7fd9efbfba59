using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Notifications;
using Tagwatch.Application.Offenders;
using Tagwatch.Core.Access;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Application.Tests.Notifications;

/// <summary>The escalation rule on a fake clock with a fake sender: who is told about which alert, when, and how often.</summary>
public sealed class AlertEscalationTests : IAsyncLifetime
{
    private const string OnCall = "on.call@monitoring.example.gov.uk";
    private const string Escalation = "duty.manager@monitoring.example.gov.uk";
    private static readonly TagId Tag = TagId.Parse("359881030000002");
    private static readonly TagId OtherTag = TagId.Parse("359881030000003");

    private readonly FakeNotificationSender _sender = new();
    private UseCaseHost _host = null!;
    private Offender _wearer = null!;
    private Offender _other = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Instant Now => Instant.FromDateTimeOffset(_host.Clock.GetUtcNow());

    public async ValueTask InitializeAsync()
    {
        _host = await UseCaseHost.StartAsync(services =>
        {
            services.AddSingleton(new NotificationOptions
            {
                Enabled = true, SmtpHost = "127.0.0.1", From = "tagwatch@monitoring.example.gov.uk", OnCallAddress = OnCall, EscalationAddress = Escalation,
                MinimumSeverity = AlertSeverity.Critical, NotifyAfterMinutes = 10, EscalateAfterMinutes = 30,
            });
            services.AddSingleton<INotificationSender>(_sender);
        });
        _wearer = await _host.EnrolAsync("Wearer");
        _other = await _host.EnrolAsync("Other");
        await _host.FitAsync(Tag, _wearer, Now - Duration.FromDays(1));
        await _host.FitAsync(OtherTag, _other, Now - Duration.FromDays(1));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<Alert> RaiseAsync(AlertKind kind, Offender? wearer = null)
    {
        var who = wearer ?? _wearer;
        return await _host.Get<IAlertStore>().RaiseAsync(
            new Alert(0, kind, kind.Severity, AlertState.Open, who == _wearer ? Tag : OtherTag, who.Id, null, Now, null, Now, "breach near 12 Example Street", "{}", 0), "raised");
    }

    private Task<EscalationPass> RunAfterAsync(int minutes)
    {
        _host.Clock.Advance(TimeSpan.FromMinutes(minutes));
        return _host.Get<AlertEscalation>().RunAsync(Cancel);
    }

    [Fact]
    public async Task Run_AlertBelowTheMinimumSeverity_SendsNothing()
    {
        await RaiseAsync(AlertKind.LowBattery);

        await RunAfterAsync(60);

        Assert.Empty(_sender.Sent);
        Assert.Empty(await _host.Get<INotificationStore>().ListAsync(10, Cancel));
    }

    [Fact]
    public async Task Run_AlertAcknowledgedBeforeTheNotifyTime_SendsNothing()
    {
        var alert = await RaiseAsync(AlertKind.Sos);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await _host.Get<AcknowledgeAlert>().ExecuteAsync(Actor.Unscoped("mo.centre", Role.MonitoringOfficer), new HandleAlertRequest(alert.Id, "called"), Cancel);

        await RunAfterAsync(60);

        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task Run_BeforeTheNotifyTime_SendsNothing()
    {
        await RaiseAsync(AlertKind.Sos);

        await RunAfterAsync(9);

        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task Run_AlertUnacknowledgedPastTheNotifyTime_IsSentToTheOnCallOfficerOnce()
    {
        var alert = await RaiseAsync(AlertKind.Sos);

        var first = await RunAfterAsync(10);
        var second = await RunAfterAsync(1);

        Assert.Equal((1, 0), (first.Sent, first.Failed));
        Assert.Equal((0, 0), (second.Sent, second.Failed));
        var message = Assert.Single(_sender.Sent);
        Assert.Equal(OnCall, message.To);
        Assert.Contains(_wearer.Reference.ToString(), message.Body, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:5000/alerts/{alert.Id}", message.Body, StringComparison.Ordinal);
        var recorded = Assert.Single(await _host.Get<INotificationStore>().ListAsync(10, Cancel));
        Assert.Equal((alert.Id, NotificationStage.OnCall, NotificationStatus.Sent, 1), (recorded.AlertId, recorded.Stage, recorded.Status, recorded.Attempts));
    }

    [Fact]
    public async Task Run_Message_HoldsNoNameNorSummary()
    {
        await RaiseAsync(AlertKind.ExclusionBreach);

        await RunAfterAsync(10);

        var message = Assert.Single(_sender.Sent);
        foreach (string personal in new[] { "Wearer", "Sam", "Example Street" })
        {
            Assert.DoesNotContain(personal, message.Subject + message.Body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Run_AlertUnacknowledgedPastTheEscalationTime_IsEscalatedOnce()
    {
        await RaiseAsync(AlertKind.CurfewBreach);

        await RunAfterAsync(10);
        await RunAfterAsync(20);
        await RunAfterAsync(5);
        // The same notices are found again after a restart: the record is in the database, not in memory.
        await _host.Get<AlertEscalation>().RunAsync(Cancel);

        Assert.Equal([OnCall, Escalation], _sender.Sent.Select(m => m.To));
        Assert.StartsWith("ESCALATION", _sender.Sent[1].Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OptedInOfficer_ReceivesOnlyTheirCaseloadsAlerts()
    {
        await _host.Get<IUserAccounts>().CreateAsync(new NewUser("pat.probation", Role.ProbationOfficer, [], [_wearer.Reference.ToString()]), "a long enough passphrase 1");
        var pat = await _host.Get<IUserAccounts>().ActorAsync((await _host.Get<IUserAccounts>().GetAsync("pat.probation")).Id, Cancel);
        await _host.Get<SubscribeToCaseloadAlerts>().ExecuteAsync(pat!, new SubscribeToCaseloadAlertsRequest("pat@probation.example.gov.uk"), Cancel);
        var own = await RaiseAsync(AlertKind.Sos);
        var other = await RaiseAsync(AlertKind.Sos, _other);

        await RunAfterAsync(10);
        await RunAfterAsync(1);

        var toPat = Assert.Single(_sender.Sent, m => m.To == "pat@probation.example.gov.uk");
        Assert.Contains($"/alerts/{own.Id}", toPat.Body, StringComparison.Ordinal);
        Assert.Equal(2, _sender.Sent.Count(m => m.To == OnCall));
        Assert.DoesNotContain(_sender.Sent, m => m.To != OnCall && m.Body.Contains($"/alerts/{other.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_UnsubscribedOfficer_ReceivesNothing()
    {
        var pat = new Actor("pat.probation", Role.ProbationOfficer, new HashSet<string>(), new HashSet<string>([_wearer.Reference.ToString()]));
        await _host.Get<IUserAccounts>().CreateAsync(new NewUser("pat.probation", Role.ProbationOfficer, [], [_wearer.Reference.ToString()]), "a long enough passphrase 1");
        await _host.Get<SubscribeToCaseloadAlerts>().ExecuteAsync(pat, new SubscribeToCaseloadAlertsRequest("pat@probation.example.gov.uk"), Cancel);
        await _host.Get<UnsubscribeFromCaseloadAlerts>().ExecuteAsync(pat, new UnsubscribeFromCaseloadAlertsRequest(), Cancel);
        await RaiseAsync(AlertKind.Sos);

        await RunAfterAsync(10);

        Assert.Equal([OnCall], _sender.Sent.Select(m => m.To));
    }

    [Fact]
    public async Task Run_MailServerFailing_RecordsAndAuditsTheFailureAndSendsAtTheNextCheck()
    {
        var alert = await RaiseAsync(AlertKind.Sos);
        _sender.Failing = true;

        var failed = await RunAfterAsync(10);
        var recordedFailure = Assert.Single(await _host.Get<INotificationStore>().ListAsync(10, Cancel));
        _sender.Failing = false;
        var retried = await RunAfterAsync(1);

        Assert.Equal((0, 1), (failed.Sent, failed.Failed));
        Assert.Equal((NotificationStatus.Failed, 1), (recordedFailure.Status, recordedFailure.Attempts));
        Assert.Contains("connection refused", recordedFailure.Error, StringComparison.Ordinal);
        Assert.Equal((1, 0), (retried.Sent, retried.Failed));
        var recorded = Assert.Single(await _host.Get<INotificationStore>().ListAsync(10, Cancel));
        Assert.Equal((NotificationStatus.Sent, 2), (recorded.Status, recorded.Attempts));
        var audit = await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(SubjectId: alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cancel);
        Assert.Equal([NotificationAudit.Failed, NotificationAudit.Sent], audit.Where(r => r.Event.Action.StartsWith("notification.", StringComparison.Ordinal)).Select(r => r.Event.Action));
        Assert.All(audit.Where(r => r.Event.Action.StartsWith("notification.", StringComparison.Ordinal)), r => Assert.Equal(OnCall, r.Event.DisclosedTo));
    }

    [Fact]
    public async Task Run_Disabled_SendsNothing()
    {
        await using var host = await UseCaseHost.StartAsync(services => services.AddSingleton<INotificationSender>(_sender));
        var offender = await host.EnrolAsync();
        await host.Get<IAlertStore>().RaiseAsync(new Alert(0, AlertKind.Sos, AlertSeverity.Critical, AlertState.Open, Tag, offender.Id, null, Now, null, Now, "SOS", "{}", 0), "raised");
        host.Clock.Advance(TimeSpan.FromHours(2));

        var pass = await host.Get<AlertEscalation>().RunAsync(Cancel);

        Assert.Equal((0, 0), (pass.Sent, pass.Failed));
        Assert.Empty(_sender.Sent);
    }
}
