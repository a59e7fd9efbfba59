using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Tests;

/// <summary>Scope grants take a second administrator: one alone can only ask.</summary>
public sealed class AccountApprovalTests
{
    private static async Task<long> PendingIdAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approval").GetInt64();
    }

    [Fact]
    public async Task A_caseload_grant_waits_until_a_different_administrator_approves_it_and_each_step_is_audited()
    {
        await using var api = await SeededApi.StartAsync();
        using var ada = api.ClientFor("admin");
        using var bea = await api.NewClientAsync(new NewUser("bea.admin", Role.Administrator, [], []));
        var other = (await api.Server.Services.Offenders.ListAsync()).Select(o => o.Reference.ToString()).First(r => r != api.CaseloadReference);

        long id = await PendingIdAsync(await ada.PutAsJsonAsync("/api/v1/users/pat.probation/caseload", new { caseload = new[] { api.CaseloadReference, other } }));

        Assert.Equal([api.CaseloadReference], (await api.Accounts.GetAsync("pat.probation")).Caseload);
        var listed = Assert.Single((await bea.GetFromJsonAsync<JsonElement>("/api/v1/users/approvals")).EnumerateArray());
        Assert.Equal((id, "ada.admin"), (listed.GetProperty("id").GetInt64(), listed.GetProperty("requested_by").GetString()));
        var self = await ada.PostAsync($"/api/v1/users/approvals/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Contains("a different administrator must approve it", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([api.CaseloadReference], (await api.Accounts.GetAsync("pat.probation")).Caseload);

        var approved = await bea.PostAsync($"/api/v1/users/approvals/{id}/approve", null);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(new[] { api.CaseloadReference, other }.Order(), (await api.Accounts.GetAsync("pat.probation")).Caseload.Order());
        Assert.Empty((await bea.GetFromJsonAsync<JsonElement>("/api/v1/users/approvals")).EnumerateArray());
        var requested = Assert.Single(await api.Server.Services.Audit.SearchAsync(new(Action: "approval.requested")));
        Assert.Equal(("ada.admin", "pat.probation"), (requested.Event.Actor, requested.Event.SubjectId));
        var granted = Assert.Single(await api.Server.Services.Audit.SearchAsync(new(Action: "approval.granted")));
        Assert.Equal(("bea.admin", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (granted.Event.Actor, granted.Event.SubjectId));
        Assert.Equal(HttpStatusCode.NotFound, (await bea.PostAsync($"/api/v1/users/approvals/{id}/approve", null)).StatusCode); // once only
    }

    [Fact]
    public async Task A_password_reset_and_a_police_account_wait_for_approval_and_a_rejected_request_changes_nothing()
    {
        await using var api = await SeededApi.StartAsync();
        using var ada = api.ClientFor("admin");
        using var bea = await api.NewClientAsync(new NewUser("bea.admin", Role.Administrator, [], []));

        long reset = await PendingIdAsync(await ada.PostAsync("/api/v1/users/sam.police/reset-password", null));
        long created = await PendingIdAsync(await ada.PostAsJsonAsync("/api/v1/users", new { username = "new.police", role = "Police", boroughs = new[] { "Lambeth" } }));
        var evaluator = await ada.PostAsJsonAsync("/api/v1/users", new { username = "new.evaluator", role = "Evaluator" }); // no location data: at once

        Assert.Equal(HttpStatusCode.Created, evaluator.StatusCode);
        Assert.DoesNotContain(await api.Accounts.ListAsync(), a => a.Username == "new.police");
        var rejected = await bea.PostAsJsonAsync($"/api/v1/users/approvals/{created}/reject", new { reason = "no request from the borough commander" });
        var approved = await bea.PostAsync($"/api/v1/users/approvals/{reset}/approve", null);

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.DoesNotContain(await api.Accounts.ListAsync(), a => a.Username == "new.police");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.False(string.IsNullOrEmpty((await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("one_time_password").GetString()));
        Assert.True((await api.Accounts.GetAsync("sam.police")).MustChangePassword);
        Assert.Single(await api.Server.Services.Audit.SearchAsync(new(Action: "approval.rejected")));
    }

    [Fact]
    public async Task With_second_approval_switched_off_one_administrator_grants_at_once()
    {
        await using var api = await SeededApi.StartAsync(configuration: ["--Tagwatch:Accounts:RequireSecondApproval=false"]);
        using var ada = api.ClientFor("admin");

        var changed = await ada.PutAsJsonAsync("/api/v1/users/pat.probation/caseload", new { caseload = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Empty((await api.Accounts.GetAsync("pat.probation")).Caseload);
        Assert.Empty(await api.Server.Services.Audit.SearchAsync(new(Action: "approval.")));
    }

    [Fact]
    public async Task Disabling_an_account_through_the_API_writes_the_audit_text_the_console_writes()
    {
        await using var api = await SeededApi.StartAsync();
        using var ada = api.ClientFor("admin");

        var disabled = await ada.PostAsync("/api/v1/users/sam.police/disable", null);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal("police", (await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        var record = (await api.Server.Services.Audit.SearchAsync(new(Action: "change.users")))[^1];
        // The same words as UsersAndAuditCommandsTests expects of `tagwatch users disable`: the use case writes them, not the door.
        Assert.Equal(("ada.admin", "user", "sam.police", $"disabled: role Police; boroughs [{api.PoliceBoroughs["police"]}]; caseload []; disabled"),
            (record.Event.Actor, record.Event.SubjectType, record.Event.SubjectId, record.Event.Data));
    }
}
