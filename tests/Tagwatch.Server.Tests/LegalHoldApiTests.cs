using System.Net;
using System.Net.Http.Json;
using Tagwatch.Application.Audit;

namespace Tagwatch.Server.Tests;

/// <summary>Legal holds over the API: placed and lifted only with a stated reason, both on the audit record.</summary>
public sealed class LegalHoldApiTests
{
    [Fact]
    public async Task Lifting_a_hold_without_a_reason_is_refused_and_with_one_is_audited_with_it()
    {
        await using var api = await SeededApi.StartAsync();
        using var admin = api.ClientFor("admin");
        string holds = $"/api/v1/retention/holds/{api.CaseloadReference}";
        using var placed = await admin.PutAsJsonAsync(holds, new { reason = "proceedings at Inner London Crown Court" });
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);

        using var bare = await admin.DeleteAsync(holds);
        using var blank = await admin.DeleteAsync(holds + "?reason=%20%20");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (bare.StatusCode, blank.StatusCode));
        Assert.Contains("lifting a legal hold states why", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Assert.Single(await api.Server.Services.RetentionStore.HoldsAsync()).Lifted);

        using var lifted = await admin.DeleteAsync(holds + "?reason=trial%20concluded");
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        var record = (await api.Server.Services.Audit.SearchAsync(new AuditQuery(Action: AuditActions.LegalHold)))[^1];
        Assert.Equal(("legal hold lifted", "trial concluded", api.CaseloadReference), (record.Event.Data, record.Event.Purpose, record.Event.SubjectId));
    }
}
