using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Alerts;
using Tagwatch.Server.Metrics;

namespace Tagwatch.Server.Tests;

/// <summary>
/// Meters are process-wide: every server started in this test process creates a <c>Tagwatch.Server</c> meter, and the
/// exporter asks all of them. For an observable instrument the last callback's value wins, so a server of another test
/// reporting 0 runs beside this one would hide this server's figure. This collection therefore runs alone.
/// </summary>
[CollectionDefinition(nameof(ProcessWideMeters), DisableParallelization = true)]
public sealed class ProcessWideMeters;

[Collection(nameof(ProcessWideMeters))]
public sealed class MetricsTests
{
    private const string ScrapeToken = "scrape-token-for-the-tests";

    [Fact]
    public async Task Metrics_need_the_scrape_token_and_are_off_without_one()
    {
        await using var guarded = await RunningServer.StartAsync(o => o with { MetricsToken = ScrapeToken });
        await using var off = await RunningServer.StartAsync();
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "guessed-token-of-the-same-size");
        using var right = new HttpRequestMessage(HttpMethod.Get, "/Metrics");
        right.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ScrapeToken);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await guarded.Api.GetAsync("/metrics")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await guarded.Api.GetAsync("/METRICS/")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await guarded.Api.SendAsync(wrong)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await guarded.Api.SendAsync(right)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await off.Api.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_are_scraped_in_prometheus_text_with_ingest_matches_and_runs_and_no_personal_data()
    {
        await using var api = await SeededApi.StartAsync(o => o with { MetricsToken = ScrapeToken });
        long now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        using var fix = await api.Server.OsmAnd.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/?id={RunningServer.OsmAndId}&lat=51.5&lon=-0.1&timestamp={now}"));
        fix.EnsureSuccessStatusCode();
        var tag = (await api.Server.Services.Tags.AssignmentsAsync())[0].Tag;
        var at = NodaTime.Instant.FromUnixTimeSeconds(now);
        foreach (var state in new[] { AlertState.Open, AlertState.Acknowledged, AlertState.Resolved })
        {
            await api.Server.Services.Alerts.RaiseAsync(new Alert(0, AlertKind.Sos, AlertKind.Sos.Severity, state, tag, null, null, at, null, at, "SOS", "{}", 0), "test");
        }

        await api.Server.App.Services.GetRequiredService<OperationalMetrics>().RefreshAsync(CancellationToken.None);

        using var scraper = new HttpClient { BaseAddress = api.Server.Api.BaseAddress };
        scraper.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ScrapeToken);
        string text = await scraper.GetStringAsync("/metrics");

        // Counters (ingest) add up across servers that ran earlier in this process, hence "at least one".
        Assert.Matches(@"(?m)^tagwatch_ingest_fixes_stored_total(\{[^}]*\})? [1-9]", text);
        // Open and acknowledged count as unresolved, the resolved one does not.
        Assert.Matches(@"(?m)^tagwatch_alerts_open\{[^}]*severity=""Critical""[^}]*type=""sos""[^}]*\} 2\b", text);
        Assert.Matches(@"(?m)^tagwatch_matches\{[^}]*state=""disclosed""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^tagwatch_correlation_runs_total(\{[^}]*\})? [1-9]", text);
        Assert.True(text.Contains("tagwatch_monitor_queue_depth", StringComparison.Ordinal), text);
        Assert.DoesNotContain("TW-", text, StringComparison.Ordinal);
    }
}
