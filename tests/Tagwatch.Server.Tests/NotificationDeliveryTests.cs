using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Notifications;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;
using Tagwatch.Server.Notifications;
using Tagwatch.Server.Workers;
using Tagwatch.Tests;

namespace Tagwatch.Server.Tests;

/// <summary>Notifications through the running server's worker to a real SMTP server on loopback.</summary>
public sealed class NotificationDeliveryTests
{
    private static readonly DateTimeOffset Start = new(2019, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static string[] Settings(int smtpPort) =>
    [
        "--Tagwatch:Notifications:Enabled=true",
        "--Tagwatch:Notifications:SmtpHost=127.0.0.1",
        $"--Tagwatch:Notifications:SmtpPort={smtpPort}",
        "--Tagwatch:Notifications:Security=None",
        "--Tagwatch:Notifications:From=tagwatch@monitoring.example.gov.uk",
        "--Tagwatch:Notifications:OnCallAddress=on.call@monitoring.example.gov.uk",
        "--Tagwatch:Notifications:EscalationAddress=duty.manager@monitoring.example.gov.uk",
        "--Tagwatch:Notifications:MinimumSeverity=Critical",
        "--Tagwatch:Notifications:NotifyAfterMinutes=10",
        "--Tagwatch:Notifications:EscalateAfterMinutes=30",
        "--Tagwatch:Notifications:PublicBaseUrl=https://tagwatch.justice.test/",
        // One check per ten minutes: each move of the clock below brings exactly one.
        "--Tagwatch:Notifications:CheckEverySeconds=600",
    ];

    private static async Task<(RunningServer Server, Alert Alert, OffenderReference Reference)> StartWithAlertAsync(FakeTimeProvider clock, int smtpPort)
    {
        OffenderReference reference = default;
        var server = await RunningServer.StartAsync(clock: clock, configuration: Settings(smtpPort), beforeStart: async services =>
        {
            var enrolled = await services.Offenders.EnrolAsync(EligibleEnrolment.Of(new LocalDate(2019, 3, 1), new LocalDate(2019, 12, 31), givenName: "Jordan"));
            reference = enrolled.Offender!.Reference;
        });
        var offender = (await server.App.Services.GetRequiredService<Application.Offenders.IOffenderStore>().ListAsync()).Single(o => o.Reference == reference);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var alert = await server.App.Services.GetRequiredService<IAlertStore>().RaiseAsync(
            new Alert(0, AlertKind.ExclusionBreach, AlertSeverity.Critical, AlertState.Open, TagId.Parse(RunningServer.OsmAndId), offender.Id, null, now, null, now, "inside the zone at 51.45, -0.10", "{}", 0), "raised");
        return (server, alert, reference);
    }

    [Fact]
    public async Task Worker_AlertLeftUnacknowledged_DeliversANoticeWithTheReferenceAndLinkButNoNameOrPosition()
    {
        await using var smtp = LoopbackSmtpServer.Start();
        var clock = new FakeTimeProvider(Start);
        var (server, alert, reference) = await StartWithAlertAsync(clock, smtp.Port);
        await using var _ = server;
        var passes = server.Worker<NotificationWorker>().Passes;
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await passes.WaitForAsync(1, hangGuard.Token);

        clock.Advance(TimeSpan.FromMinutes(10));
        var message = await smtp.NextAsync(hangGuard.Token);

        Assert.Equal("on.call@monitoring.example.gov.uk", message.To.Mailboxes.Single().Address);
        Assert.Equal("tagwatch@monitoring.example.gov.uk", message.From.Mailboxes.Single().Address);
        string text = message.Subject + "\n" + message.TextBody;
        Assert.Contains(reference.ToString(), text, StringComparison.Ordinal);
        Assert.Contains($"https://tagwatch.justice.test/alerts/{alert.Id}", text, StringComparison.Ordinal);
        foreach (string personal in new[] { "Jordan", "Example", "51.45", "-0.10" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }

        await passes.WaitForAsync(2, hangGuard.Token);
        var recorded = Assert.Single(await server.App.Services.GetRequiredService<INotificationStore>().ListAsync(10, hangGuard.Token));
        Assert.Equal((NotificationStatus.Sent, reference.ToString()), (recorded.Status, recorded.OffenderReference));
    }

    [Fact]
    public async Task Worker_MailServerDown_RecordsTheFailureKeepsServingAndDeliversOnceItIsBack()
    {
        // The mail server is down: its port is bound but not listening, so connections are refused, and no other
        // process (or outgoing connection) can take the port before the server comes back on it.
        using var reserved = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        reserved.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        int port = ((System.Net.IPEndPoint)reserved.LocalEndPoint!).Port;
        var clock = new FakeTimeProvider(Start);
        var (server, _, _) = await StartWithAlertAsync(clock, port);
        await using var __ = server;
        var passes = server.Worker<NotificationWorker>().Passes;
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await passes.WaitForAsync(1, hangGuard.Token);

        clock.Advance(TimeSpan.FromMinutes(10));
        await passes.WaitForAsync(2, hangGuard.Token);
        var failed = Assert.Single(await server.App.Services.GetRequiredService<INotificationStore>().ListAsync(10, hangGuard.Token));
        using var health = await server.Api.GetAsync(new Uri("/health/live", UriKind.Relative), hangGuard.Token);

        reserved.Close();
        await using var smtp = LoopbackSmtpServer.StartOn(port);
        clock.Advance(TimeSpan.FromMinutes(10));
        var delivered = await smtp.NextAsync(hangGuard.Token);

        Assert.Equal((NotificationStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.True(health.IsSuccessStatusCode);
        Assert.Equal("on.call@monitoring.example.gov.uk", delivered.To.Mailboxes.Single().Address);
    }

    [Theory]
    [InlineData("SmtpPort", "not a port")]
    [InlineData("MinimumSeverity", "Severe")]
    [InlineData("NotifyAfterMinutes", "soon")]
    public void Read_AValueThatCannotBeRead_IsRefusedNamingTheKey(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Tagwatch:Notifications:{key}"] = value,
        }).Build();

        var error = Assert.Throws<ArgumentException>(() => NotificationsSetup.Read(configuration));

        Assert.Contains($"Tagwatch:Notifications:{key}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EnabledWithoutAServer_IsRefusedNamingTheKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tagwatch:Notifications:Enabled"] = "true",
        }).Build();

        var error = Assert.Throws<ArgumentException>(() => NotificationsSetup.Read(configuration));

        Assert.Contains("Tagwatch:Notifications:SmtpHost", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tagwatch:Notifications:OnCallAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoSection_IsOff()
    {
        var options = NotificationsSetup.Read(new ConfigurationBuilder().Build());

        Assert.False(options.Enabled);
    }
}
