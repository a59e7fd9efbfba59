using System.Net.Http.Json;
using System.Text.Json;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Server.Tests;

/// <summary>The evaluation summary counts alerts by the category their kind carries.</summary>
public sealed class ReportsApiTests
{
    [Fact]
    public async Task Summary_counts_three_alerts_of_every_kind_under_its_category_and_type()
    {
        await using var api = await SeededApi.StartAsync();
        using var evaluator = api.ClientFor("evaluator");
        // What was there before, counted from the store: the report may withhold small counts.
        var before = await api.Server.Services.Alerts.ListAsync(new AlertQuery(Limit: 100_000));
        var tag = (await api.Server.Services.Tags.AssignmentsAsync())[0].Tag;
        var at = NodaTime.Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());

        foreach (var kind in AlertKind.All)
        {
            for (int i = 0; i < 3; i++)
            {
                await api.Server.Services.Alerts.RaiseAsync(new Alert(0, kind, kind.Severity, AlertState.Open, tag, null, null, at, null, at, kind.DisplayName, "{}", 0), "test");
            }
        }

        var after = await evaluator.GetFromJsonAsync<JsonElement>("/api/v1/reports/summary");

        int Shown(string section, string name) => after.GetProperty(section).GetProperty(name).GetInt32();
        Assert.Equal(3 * AlertKind.All.Count(k => k.Category == AlertCategory.Device), Shown("compliance", "device_alerts") - before.Count(a => a.Type.Category == AlertCategory.Device));
        Assert.Equal(3 * AlertKind.All.Count(k => k.IsBreach), Shown("compliance", "breach_alerts") - before.Count(a => a.Type.IsBreach && a.State != AlertState.Withdrawn));
        Assert.Equal(3 * AlertKind.All.Count, Shown("alerts", "total") - before.Count);
        foreach (var category in Enum.GetValues<AlertCategory>())
        {
            int count = after.GetProperty("alerts").GetProperty("by_category").GetProperty(category.ToString().ToLowerInvariant()).GetInt32();
            Assert.True(count >= 3 * AlertKind.All.Count(k => k.Category == category), $"{category}: {count}");
        }

        foreach (var kind in AlertKind.All)
        {
            Assert.True(after.GetProperty("alerts").GetProperty("by_type").GetProperty(kind.Name).GetInt32() >= 3, kind.Name);
        }
    }

    [Fact]
    public async Task No_withheld_count_can_be_worked_out_from_the_total_of_its_breakdown()
    {
        await using var api = await SeededApi.StartAsync();
        using var evaluator = api.ClientFor("evaluator");
        var tag = (await api.Server.Services.Tags.AssignmentsAsync())[0].Tag;
        var at = NodaTime.Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        // A lone SOS beside many alerts of other kinds: a small cell the alerts' total would give away on its own.
        await api.Server.Services.Alerts.RaiseAsync(new Alert(0, AlertKind.Sos, AlertKind.Sos.Severity, AlertState.Open, tag, null, null, at, null, at, "SOS", "{}", 0), "test");
        for (int i = 0; i < 5; i++)
        {
            await api.Server.Services.Alerts.RaiseAsync(new Alert(0, AlertKind.NoContact, AlertKind.NoContact.Severity, AlertState.Open, tag, null, null, at, null, at, "No contact", "{}", 0), "test");
        }

        var report = await evaluator.GetFromJsonAsync<JsonElement>("/api/v1/reports/summary");

        Assert.Empty(SmallCellAttack.Findings(report));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("alerts").GetProperty("by_type").GetProperty(AlertKind.Sos.Name).ValueKind);
    }

    [Fact]
    public async Task Summary_covers_the_period_asked_for_and_refuses_a_malformed_day()
    {
        await using var api = await SeededApi.StartAsync();
        using var evaluator = api.ClientFor("evaluator");
        var tag = (await api.Server.Services.Tags.AssignmentsAsync())[0].Tag;
        var at = NodaTime.Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        for (int i = 0; i < 3; i++)
        {
            await api.Server.Services.Alerts.RaiseAsync(new Alert(0, AlertKind.NoContact, AlertKind.NoContact.Severity, AlertState.Open, tag, null, null, at, null, at, "No contact", "{}", 0), "test");
        }

        var longAgo = await evaluator.GetFromJsonAsync<JsonElement>("/api/v1/reports/summary?from=2000-01-01&to=2000-01-31");
        Assert.Equal(0, longAgo.GetProperty("alerts").GetProperty("total").GetInt32());
        Assert.Equal("2000-01-01", longAgo.GetProperty("period").GetProperty("from").GetString());
        var all = await evaluator.GetFromJsonAsync<JsonElement>("/api/v1/reports/summary");
        Assert.True(all.GetProperty("alerts").GetProperty("total").GetInt32() >= 3);

        using var malformed = await evaluator.GetAsync("/api/v1/reports/summary?from=1%20Jan");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, malformed.StatusCode);
    }
}
