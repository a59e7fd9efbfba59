using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Access;
using Tagwatch.Core.Alerts;
using Tagwatch.Protocols.Devices.Gt06;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Server.Tests;

public sealed class AlertStreamTests
{
    [Fact]
    public async Task The_monitoring_centre_receives_a_raised_alert_as_a_server_sent_event_and_probation_only_its_caseloads()
    {
        await using var api = await SeededApi.StartAsync();
        using var monitoring = api.ClientFor("monitoring");
        using var probation = api.ClientFor("probation");
        using var monitorStream = await monitoring.GetAsync("/api/v1/alerts/stream", HttpCompletionOption.ResponseHeadersRead);
        using var probationStream = await probation.GetAsync("/api/v1/alerts/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, monitorStream.StatusCode);
        Assert.Equal("text/event-stream", monitorStream.Content.Headers.ContentType?.MediaType);
        using var monitorReader = new StreamReader(await monitorStream.Content.ReadAsStreamAsync());
        using var probationReader = new StreamReader(await probationStream.Content.ReadAsStreamAsync());

        // A tag worn by someone on no probation officer's caseload presses SOS: the centre must hear of it, probation not.
        // (A tag raises alerts only while someone monitored wears it.)
        await WearTheGt06TagAsync(api);
        using var device = await RunningServer.ConnectAsync(api.Server.Options.Gt06Port);
        await device.GetStream().WriteAsync(Gt06Frames.Login(RunningServer.Gt06Imei, 1));
        await device.ReadExactlyAsync(10);
        var now = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        await device.GetStream().WriteAsync(Gt06Frames.Location(now - Duration.FromSeconds(20), 51.5, -0.1, 0, 0, true, 2, alarm: 0x01));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? eventLine = null, dataLine = null;
        while (dataLine is null)
        {
            string line = await monitorReader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (line == "event: alert")
            {
                eventLine = line;
            }
            else if (eventLine is not null && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                dataLine = line;
            }
        }

        Assert.Contains("\"type\":\"sos\"", dataLine, StringComparison.Ordinal);
        long id = System.Text.Json.JsonDocument.Parse(dataLine["data: ".Length..]).RootElement.GetProperty("id").GetInt64();
        var acknowledged = await monitoring.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { note = "calling the wearer" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var unresolved = await monitoring.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = " " });
        Assert.Equal(HttpStatusCode.BadRequest, unresolved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await monitoring.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "accidental press, wearer safe" })).StatusCode);
        var actions = new List<string>();
        while (actions.Count < 2)
        {
            string line = await monitorReader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                actions.Add(System.Text.Json.JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("action").GetString()!);
            }
        }

        Assert.Equal(["acknowledged", "resolved"], actions);
        var history = await api.Server.Services.Alerts.HistoryAsync(id);
        Assert.Contains(history, h => h.Action == "resolved" && h.By == "mo.centre" && h.Note == "accidental press, wearer safe");
        Assert.Contains("\"action\":\"raised\"", dataLine, StringComparison.Ordinal);
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await probationReader.ReadLineAsync(quiet.Token));
        Assert.Equal(2, (await api.Server.Services.Audit.SearchAsync(new(Action: "view.alerts"))).Count(e => e.Event.Data == "live alert stream opened"));
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("role changed")]
    public async Task An_open_stream_delivers_nothing_more_and_closes_once_its_account_may_no_longer_watch_alerts(string change)
    {
        await using var api = await SeededApi.StartAsync();
        using var monitoring = api.ClientFor("monitoring");
        using var stream = await monitoring.GetAsync("/api/v1/alerts/stream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        var feed = api.Server.App.Services.GetRequiredService<AlertFeed>();
        await WaitForSubscriberAsync(feed);

        if (change == "disabled")
        {
            await api.Accounts.SetDisabledAsync("mo.centre", true);
        }
        else
        {
            await api.Accounts.ChangeRoleAsync("mo.centre", Core.Access.Role.Evaluator, []);
        }

        var now = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        feed.Publish(new Alert(1, AlertKind.Sos, AlertSeverity.Critical, AlertState.Open, Core.Identity.TagId.Parse(RunningServer.Gt06Imei), null, null, now, null, now, "SOS pressed", "{}", 0), "raised");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
        }

        Assert.DoesNotContain(lines, l => l.Contains("SOS pressed", StringComparison.Ordinal));
        Assert.Contains("event: end", lines);
    }

    [Fact]
    public async Task A_quiet_stream_sends_a_keep_alive_when_the_servers_clock_passes_the_heartbeat_interval()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var server = await RunningServer.StartAsync(
            o => o with { AlertStreamHeartbeat = TimeSpan.FromMinutes(2) },
            services => services.Accounts.CreateAsync(new NewUser("mo.centre", Role.MonitoringOfficer, [], []), SeededApi.Password),
            clock);
        using var browser = server.NewClient(new CookieContainer());
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/v1/session", new { username = "mo.centre", password = SeededApi.Password })).StatusCode);
        using var stream = await browser.GetAsync("/api/v1/alerts/stream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        await WaitForSubscriberAsync(server.App.Services.GetRequiredService<AlertFeed>());

        // No real time passes: only the server's clock, by the configured interval, makes the heartbeat due.
        clock.Advance(TimeSpan.FromMinutes(2));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.Equal(": keep-alive", await reader.ReadLineAsync(timeout.Token));
    }

    /// <summary>The stream subscribes just after answering its headers; a change published before that would not reach it.</summary>
    private static async Task WaitForSubscriberAsync(AlertFeed feed)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (feed.Subscribers == 0)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private static async Task WearTheGt06TagAsync(SeededApi api)
    {
        var services = api.Server.Services;
        var now = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        var enrolled = await api.EnrolMonitoredTodayAsync("Stream");
        await services.Tags.RegisterAsync([new Core.Tags.Tag(Core.Identity.TagId.Parse(RunningServer.Gt06Imei), "gt06", null)]);
        await services.Tags.AssignAsync(Core.Identity.TagId.Parse(RunningServer.Gt06Imei), enrolled.Id, now - Duration.FromHours(1));
    }
}
