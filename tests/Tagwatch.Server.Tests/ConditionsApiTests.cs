using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tagwatch.Server.Tests;

public sealed class ConditionsApiTests
{
    [Fact]
    public async Task A_probation_officer_sets_and_ends_a_condition_on_their_caseload_and_each_change_is_audited()
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");
        string path = $"/api/v1/offenders/{api.CaseloadReference}/conditions";

        var added = await probation.PostAsJsonAsync(path, new
        {
            kind = "curfew", label = "home", area = new { circle = new { latitude = 51.45, longitude = -0.10, radius = 40 } }, schedule = "daily 21:00-07:00", grace_minutes = 15,
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        long id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var listed = await probation.GetFromJsonAsync<JsonElement>(path);
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("id").GetInt64() == id && c.GetProperty("label").GetString() == "home");

        Assert.Equal(HttpStatusCode.NoContent, (await probation.DeleteAsync($"{path}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await probation.DeleteAsync($"{path}/{id}")).StatusCode);
        var changes = await api.Server.Services.Audit.SearchAsync(new(Action: "change.conditions"));
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(("pat.probation", api.CaseloadReference), (c.Event.Actor, c.Event.SubjectId)));
        Assert.Equal($"condition {id} ended", changes[1].Event.Data);
    }

    [Fact]
    public async Task A_condition_stated_from_an_instant_applies_from_it_and_is_listed_with_its_kind_as_a_snake_case_value()
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");
        string path = $"/api/v1/offenders/{api.CaseloadReference}/conditions";
        const string from = "2030-01-01T12:00:00Z";

        var added = await probation.PostAsJsonAsync(path, new
        {
            kind = "exclusion", label = "victim's street", area = new { circle = new { latitude = 51.47, longitude = -0.10, radius = 200 } }, from,
        });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var body = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((from, "exclusion", api.CaseloadReference), (body.GetProperty("from").GetString(), body.GetProperty("kind").GetString(), body.GetProperty("offender").GetString()));
        long id = body.GetProperty("id").GetInt64();
        var listed = await probation.GetFromJsonAsync<JsonElement>(path);
        var shown = Assert.Single(listed.EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
        Assert.Equal(("exclusion", from), (shown.GetProperty("kind").GetString(), shown.GetProperty("from").GetString()));
        var record = (await api.Server.Services.Audit.SearchAsync(new(Action: "change.conditions")))[^1];
        Assert.Equal($"condition {id} added: Exclusion 'victim's street', always, grace 0 min, buffer 0 m, from {from}", record.Event.Data);
    }

    [Fact]
    public async Task A_condition_cannot_start_before_monitoring_began()
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");

        var response = await probation.PostAsJsonAsync($"/api/v1/offenders/{api.CaseloadReference}/conditions", new
        {
            kind = "exclusion", area = new { circle = new { latitude = 51.47, longitude = -0.10, radius = 200 } }, from = "2001-01-01T00:00:00Z",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task A_probation_officer_suspends_a_condition_with_a_reason_and_the_reason_is_the_audited_purpose()
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");
        string path = $"/api/v1/offenders/{api.CaseloadReference}/conditions";
        var added = await probation.PostAsJsonAsync(path, new { kind = "exclusion", area = new { circle = new { latitude = 51.47, longitude = -0.10, radius = 200 } } });
        long id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var noReason = await probation.PostAsJsonAsync($"{path}/{id}/suspensions", new { from = "2030-01-01T09:00:00Z", to = "2030-01-01T12:00:00Z" });
        var suspended = await probation.PostAsJsonAsync($"{path}/{id}/suspensions", new { from = "2030-01-01T09:00:00Z", to = "2030-01-01T12:00:00Z", reason = "court appearance" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Created, suspended.StatusCode);
        Assert.Equal("2030-01-01T12:00:00Z", (await suspended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("to").GetString());
        var record = (await api.Server.Services.Audit.SearchAsync(new(Action: "change.conditions")))[^1];
        Assert.Equal(($"condition {id} suspended 2030-01-01T09:00:00Z–2030-01-01T12:00:00Z", "court appearance"), (record.Event.Data, record.Event.Purpose));
    }

    [Fact]
    public async Task A_condition_changed_through_the_api_is_replaced_under_a_new_id_and_a_bad_area_is_refused_naming_it()
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");
        string path = $"/api/v1/offenders/{api.CaseloadReference}/conditions";
        var added = await probation.PostAsJsonAsync(path, new { kind = "exclusion", label = "victim's street", area = new { circle = new { latitude = 51.47, longitude = -0.10, radius = 200 } } });
        long id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var bad = await probation.PostAsJsonAsync($"{path}/{id}/replacement", new { area = new { wkt = "POLYGON((0 0, 1 1))" } });
        var changed = await probation.PostAsJsonAsync($"{path}/{id}/replacement", new { area = new { circle = new { latitude = 51.471, longitude = -0.101, radius = 250 } }, buffer_metres = 20, schedule = "daily 18:00-23:00" });
        var again = await probation.PostAsJsonAsync($"{path}/{id}/replacement", new { area = new { circle = new { latitude = 51.471, longitude = -0.101, radius = 250 } } });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("area", out _));
        Assert.Equal(HttpStatusCode.Created, changed.StatusCode);
        var replacement = await changed.Content.ReadFromJsonAsync<JsonElement>();
        long newId = replacement.GetProperty("id").GetInt64();
        Assert.NotEqual(id, newId);
        Assert.Equal($"/api/v1/offenders/{api.CaseloadReference}/conditions/{newId}", changed.Headers.Location?.ToString());
        Assert.Equal(("victim's street", "daily 18:00-23:00", "circle 51.4710000 -0.1010000 250 + 20 m"),
            (replacement.GetProperty("label").GetString(), replacement.GetProperty("schedule").GetString(), replacement.GetProperty("area").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var listed = await probation.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal([newId], listed.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).Where(c => c == id || c == newId));
    }

    [Theory]
    [InlineData("""{"kind":"fence","area":{"circle":{"latitude":51.45,"longitude":-0.1,"radius":40}}}""", "kind")]
    [InlineData("""{"kind":"exclusion","area":{}}""", "area")]
    [InlineData("""{"kind":"exclusion","area":{"circle":{"latitude":95,"longitude":-0.1,"radius":40}}}""", "area")]
    [InlineData("""{"kind":"exclusion","area":{"wkt":"POLYGON((0 0, 1 1))"}}""", "area")]
    [InlineData("""{"kind":"curfew","area":{"circle":{"latitude":51.45,"longitude":-0.1,"radius":40}},"schedule":"someday 25:00"}""", "schedule")]
    [InlineData("""{"kind":"exclusion","area":{"circle":{"latitude":51.45,"longitude":-0.1,"radius":40}},"rules":{"min_fixes":0}}""", "rules")]
    public async Task A_bad_condition_is_refused_naming_the_field_and_nothing_is_stored(string body, string field)
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");

        var response = await probation.PostAsync($"/api/v1/offenders/{api.CaseloadReference}/conditions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(await api.Server.Services.Conditions.ActiveAsync());
    }
}
