using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Ingest;

namespace Tagwatch.Server.Tests;

/// <summary>The device registry's endpoints: the rules and audit are the use cases'; these check the translation.</summary>
public sealed class TagsApiTests
{
    [Fact]
    public async Task A_credential_is_created_with_its_secret_once_listed_without_it_and_revoked_all_audited()
    {
        await using var api = await SeededApi.StartAsync();
        using var admin = api.ClientFor("admin");
        string tag = api.Pilot.Offenders[0].Tag.Value;

        var created = await admin.PostAsJsonAsync("/api/v1/tags/credentials", new { tag, name = "phone 12" });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        long id = body.GetProperty("credential").GetProperty("id").GetInt64();
        string secret = body.GetProperty("secret").GetString()!;
        var listed = await admin.GetStringAsync("/api/v1/tags/credentials");
        var revoked = await admin.DeleteAsync($"/api/v1/tags/credentials/{id}");
        var again = await admin.DeleteAsync("/api/v1/tags/credentials/999999");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("twd_", secret, StringComparison.Ordinal);
        Assert.Equal((tag, false), (body.GetProperty("credential").GetProperty("tag").GetString(), body.GetProperty("credential").GetProperty("gateway").GetBoolean()));
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        var mine = JsonDocument.Parse(listed).RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == id);
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("revoked").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var audited = (await api.Server.Services.Audit.SearchAsync(new AuditQuery(Action: AuditActions.ChangeSettings)))
            .Select(e => e.Event).Where(e => e.SubjectType == "credential" && e.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(
            [
                new AuditEvent("ada.admin", "Administrator", AuditActions.ChangeSettings, "credential", $"{id}", $"device credential 'phone 12' created (device {tag})"),
                new AuditEvent("ada.admin", "Administrator", AuditActions.ChangeSettings, "credential", $"{id}", "device credential revoked"),
            ],
            audited);
    }

    [Fact]
    public async Task A_credential_for_an_unregistered_tag_is_not_found_and_one_without_a_name_names_the_field()
    {
        await using var api = await SeededApi.StartAsync();
        using var admin = api.ClientFor("admin");

        var unregistered = await admin.PostAsJsonAsync("/api/v1/tags/credentials", new { tag = "359881999999999", name = "phone" });
        var unnamed = await admin.PostAsJsonAsync("/api/v1/tags/credentials", new { name = " " });

        Assert.Equal(HttpStatusCode.NotFound, unregistered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.True((await unnamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Tags_are_listed_with_their_last_contact_and_refused_devices_with_their_reason_in_snake_case()
    {
        await using var api = await SeededApi.StartAsync();
        using var admin = api.ClientFor("admin");
        var seen = NodaTime.Instant.FromUtc(2019, 3, 1, 10, 0);
        var commit = new IngestCommit();
        var refused = new RefusedDevice("31337", "h02", seen, seen, 3, "192.0.2.7:4000") { Reason = RefusalReason.WrongProtocol, Detail = "registered for osmand" };
        commit.Refused[refused.Key] = refused;
        await api.Server.Services.Ingest.CommitAsync(commit);

        var tags = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/tags")).RootElement;
        var refusals = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/tags/refused")).RootElement;

        var first = tags.EnumerateArray().Single(t => t.GetProperty("tag").GetString() == api.Pilot.Offenders[0].Tag.Value);
        Assert.Equal("osmand", first.GetProperty("protocol").GetString());
        Assert.True(first.TryGetProperty("last_contact", out _));
        var only = refusals.EnumerateArray().Single(r => r.GetProperty("device_id").GetString() == "31337");
        Assert.Equal(("wrong_protocol", 3, "2019-03-01T10:00:00Z"), (only.GetProperty("reason").GetString(), only.GetProperty("messages").GetInt32(), only.GetProperty("last_seen").GetString()));
    }

    [Fact]
    public async Task A_tag_without_a_protocol_is_refused_naming_the_field_and_the_registered_tag_is_answered_in_lower_case()
    {
        await using var api = await SeededApi.StartAsync();
        using var admin = api.ClientFor("admin");

        var missing = await admin.PostAsJsonAsync("/api/v1/tags", new { id = "359881999000009" });
        var registered = await admin.PostAsJsonAsync("/api/v1/tags", new { id = "359881999000009", protocol = "GT06", model = "ankle x1" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("protocol", out _));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal("""{"tag":"359881999000009","protocol":"gt06","model":"ankle x1"}""", await registered.Content.ReadAsStringAsync());
        var audited = (await api.Server.Services.Audit.SearchAsync(new AuditQuery(Action: AuditActions.ChangeSettings))).Single(e => e.Event.SubjectType == "tag");
        Assert.Equal("registered (gt06, ankle x1)", audited.Event.Data);
    }

    [Fact]
    public async Task A_tag_is_swapped_for_a_free_one_then_returned_and_the_list_names_its_wearer_meanwhile()
    {
        await using var api = await SeededApi.StartAsync();
        using var admin = api.ClientFor("admin");
        string worn = api.Pilot.Offenders[0].Tag.Value;
        const string spare = "359881999000021";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/tags", new { id = spare, protocol = "osmand" })).StatusCode);
        string wearer = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/tags")).RootElement.EnumerateArray()
            .Single(t => t.GetProperty("tag").GetString() == worn).GetProperty("wearer").GetString()!;

        var garbled = await admin.PostAsJsonAsync($"/api/v1/tags/{worn}/swap", new { new_tag = spare, at = "yesterday" });
        // Just after its last stored fix, while the wearer is still monitored.
        var at = (await api.Server.Services.Fixes.LatestFixTimeAsync(api.Pilot.Offenders[0].Tag))!.Value + NodaTime.Duration.FromMinutes(1);
        var swapped = await admin.PostAsJsonAsync($"/api/v1/tags/{worn}/swap", new { new_tag = spare, at = at.ToString() });
        var listed = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/tags")).RootElement.EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, swapped.StatusCode);
        var body = await swapped.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((worn, spare, wearer), (body.GetProperty("returned").GetString(), body.GetProperty("fitted").GetString(), body.GetProperty("offender").GetString()));
        Assert.Equal(wearer, listed.Single(t => t.GetProperty("tag").GetString() == spare).GetProperty("wearer").GetString());
        Assert.Equal(JsonValueKind.Null, listed.Single(t => t.GetProperty("tag").GetString() == worn).GetProperty("wearer").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/tags/{worn}/swap", new { new_tag = spare })).StatusCode);
    }

    [Fact]
    public async Task A_worn_tag_is_returned_once_and_a_second_return_is_a_conflict()
    {
        await using var api = await SeededApi.StartAsync();
        using var admin = api.ClientFor("admin");
        string tag = api.Pilot.Offenders[1].Tag.Value;

        var returned = await admin.PostAsJsonAsync($"/api/v1/tags/{tag}/return", new { });
        var again = await admin.PostAsJsonAsync($"/api/v1/tags/{tag}/return", new { });
        var unknown = await admin.PostAsJsonAsync("/api/v1/tags/359881999999998/return", new { });

        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var body = await returned.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(tag, body.GetProperty("tag").GetString());
        Assert.True(body.TryGetProperty("to", out _));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var audited = (await api.Server.Services.Audit.SearchAsync(new AuditQuery(Action: AuditActions.ChangeRecord))).Select(e => e.Event.Data);
        Assert.Contains(audited, d => d.StartsWith($"tag {tag} returned at ", StringComparison.Ordinal));
    }
}
