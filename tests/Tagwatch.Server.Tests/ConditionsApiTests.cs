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
