using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Tagwatch.Application.Audit;

namespace Tagwatch.Server.Tests;

/// <summary>The trail page in columns (the browser player's form) holds exactly the fixes of the JSON page.</summary>
public sealed class TrailColumnsApiTests
{
    [Fact]
    public async Task Columns_decode_to_the_json_pages_fixes_with_the_same_cursor_and_one_view_record_each()
    {
        await using var api = await SeededApi.StartAsync();
        var start = api.Pilot.Options.Start.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        string path = $"/api/v1/offenders/{api.CaseloadReference}/trail?from={start}&to={start + Duration.FromDays(2)}&limit=700";
        using var probation = api.ClientFor("probation");

        var json = await probation.GetFromJsonAsync<JsonElement>(path);
        var columns = await probation.GetFromJsonAsync<JsonElement>($"{path}&format=columns");

        var expected = json.GetProperty("fixes").EnumerateArray().Select(f => (
            Time: InstantMs(f.GetProperty("time").GetString()!),
            Latitude: f.GetProperty("latitude").GetDouble(),
            Longitude: f.GetProperty("longitude").GetDouble(),
            Accuracy: f.GetProperty("accuracy_m").ValueKind == JsonValueKind.Null ? (double?)null : f.GetProperty("accuracy_m").GetDouble(),
            Flags: f.GetProperty("flags").GetString()!,
            Tag: f.GetProperty("tag").GetString()!)).ToList();
        Assert.Equal(700, expected.Count);
        Assert.Equal(expected, Decode(columns));
        Assert.Equal(json.GetProperty("next").GetString(), columns.GetProperty("next").GetString());
        Assert.NotEqual(JsonValueKind.Null, columns.GetProperty("next").ValueKind);

        var views = await api.Server.Services.Audit.SearchAsync(new AuditQuery(Action: AuditActions.ViewTrail));
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.EndsWith("; 700 fixes", v.Event.Data, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_window_gives_empty_columns_and_an_unknown_format_names_columns_among_the_choices()
    {
        await using var api = await SeededApi.StartAsync();
        var before = api.Pilot.Options.Start.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.FromDays(30);
        string path = $"/api/v1/offenders/{api.CaseloadReference}/trail?from={before}&to={before + Duration.FromHours(1)}";
        using var probation = api.ClientFor("probation");

        var empty = await probation.GetFromJsonAsync<JsonElement>($"{path}&format=columns");
        using var unknown = await probation.GetAsync($"{path}&format=parquet");

        Assert.Equal(0, empty.GetProperty("count").GetInt32());
        Assert.Empty(Decode(empty));
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("next").ValueKind);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'parquet' is not json, columns,", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static long InstantMs(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value.ToUnixTimeMilliseconds();

    /// <summary>Undoes the differences as the trail player does.</summary>
    private static List<(long Time, double Latitude, double Longitude, double? Accuracy, string Flags, string Tag)> Decode(JsonElement page)
    {
        var result = new List<(long, double, double, double?, string, string)>();
        long time = page.GetProperty("origin_ms").GetInt64();
        long latitude = 0, longitude = 0;
        string[] flagNames = [.. page.GetProperty("flag_names").EnumerateArray().Select(f => f.GetString()!)];
        string[] tags = [.. page.GetProperty("tags").EnumerateArray().Select(f => f.GetString()!)];
        for (int i = 0; i < page.GetProperty("count").GetInt32(); i++)
        {
            time += page.GetProperty("time_ms")[i].GetInt64();
            latitude += page.GetProperty("latitude_e7")[i].GetInt64();
            longitude += page.GetProperty("longitude_e7")[i].GetInt64();
            var accuracy = page.GetProperty("accuracy_dm")[i];
            result.Add((time, latitude / 1e7, longitude / 1e7, accuracy.ValueKind == JsonValueKind.Null ? null : accuracy.GetInt32() / 10.0,
                flagNames[page.GetProperty("flag")[i].GetInt32()], tags[page.GetProperty("tag")[i].GetInt32()]));
        }

        return result;
    }
}
