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
        var before = await evaluator.GetFromJsonAsync<JsonElement>("/api/v1/reports/summary");
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

        int Added(string section, string name) => after.GetProperty(section).GetProperty(name).GetInt32() - before.GetProperty(section).GetProperty(name).GetInt32();
        Assert.Equal(3 * AlertKind.All.Count(k => k.Category == AlertCategory.Device), Added("compliance", "device_alerts"));
        Assert.Equal(3 * AlertKind.All.Count(k => k.IsBreach), Added("compliance", "breach_alerts"));
        Assert.Equal(3 * AlertKind.All.Count, Added("alerts", "total"));
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
}
