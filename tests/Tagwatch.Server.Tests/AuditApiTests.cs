using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tagwatch.Server.Tests;

/// <summary>The audit endpoints: only the auditor reads the log; search, export and verify work, and each use is itself logged.</summary>
public sealed class AuditApiTests
{
    [Theory]
    [InlineData("admin")]
    [InlineData("police")]
    [InlineData("evaluator")]
    public async Task Search_export_and_verify_are_refused_to_roles_other_than_the_auditor(string principal)
    {
        await using var api = await SeededApi.StartAsync();
        using var client = api.ClientFor(principal);

        foreach (string path in new[] { "/api/v1/audit", "/api/v1/audit/export", "/api/v1/audit/verify" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task The_auditor_searches_exports_and_verifies_an_intact_chain_and_each_use_is_logged()
    {
        await using var api = await SeededApi.StartAsync();
        using var auditor = api.ClientFor("auditor");

        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        var searched = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=audit.verify&limit=5");
        var export = await auditor.GetAsync("/api/v1/audit/export?action=audit.");
        var badInstant = await auditor.GetAsync("/api/v1/audit?from=yesterday");

        Assert.True(verified.GetProperty("intact").GetBoolean());
        var record = Assert.Single(searched.EnumerateArray());
        Assert.Equal(("aud.auditor", "Auditor"), (record.GetProperty("actor").GetString(), record.GetProperty("role").GetString()));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/x-ndjson", export.Content.Headers.ContentType?.MediaType);
        string[] lines = (await export.Content.ReadAsStringAsync()).Trim().Split('\n');
        Assert.Equal(2, lines.Length); // the verification and the search, before this export
        Assert.Contains("\"action\":\"audit.search\"", lines[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badInstant.StatusCode);
        Assert.Contains("from", await badInstant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var uses = await api.Server.Services.Audit.SearchAsync(new(Actor: "aud.auditor"));
        Assert.Equal(["audit.verify", "audit.search", "audit.export"], uses.Select(u => u.Event.Action));
    }
}
