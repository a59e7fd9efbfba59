using System.Text;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tests.Audit;

public sealed class AuditUseCasesTests
{
    private static readonly Actor Auditor = Actor.Unscoped("dpo", Role.Auditor);

    [Fact]
    public async Task Search_ReturnsMatchingRecords_AndRecordsTheSearchWithItsCount()
    {
        await using var host = await UseCaseHost.StartAsync();
        var log = host.Get<IAuditLog>();
        await log.AppendAsync(new AuditEvent("pat", "Police", AuditActions.ViewRecord, "offender", "TW-00001", "record"));

        var found = await host.Get<SearchAudit>().ExecuteAsync(Auditor, new SearchAuditRequest(Subject: "TW-00001"), CancellationToken.None);

        Assert.Equal("pat", Assert.Single(found.Value).Event.Actor);
        var search = Assert.Single(await log.SearchAsync(new AuditQuery(Action: AuditActions.AuditSearch)));
        Assert.Equal(new AuditEvent("dpo", "Auditor", AuditActions.AuditSearch, "audit", "TW-00001", "subject TW-00001; 1 records"), search.Event);
    }

    [Fact]
    public async Task Export_WritesTheRecordsAsJsonLines_AndIsRecordedAfterwardsNotInsideItself()
    {
        await using var host = await UseCaseHost.StartAsync();
        var log = host.Get<IAuditLog>();
        await log.AppendAsync(new AuditEvent("pat", "Police", AuditActions.ViewRecord, "offender", "TW-00001", "record"));
        using var output = new MemoryStream();

        var result = await host.Get<ExportAudit>().ExecuteAsync(Auditor, new ExportAuditRequest(output, Purpose: "subject access request"), CancellationToken.None);

        Assert.Equal(1, result.Value.Records);
        Assert.Single(Encoding.UTF8.GetString(output.ToArray()).Trim().Split('\n'));
        var export = Assert.Single(await log.SearchAsync(new AuditQuery(Action: AuditActions.AuditExport)));
        Assert.Equal(new AuditEvent("dpo", "Auditor", AuditActions.AuditExport, "audit", null, "1 records; all records", "subject access request"), export.Event);
    }

    [Fact]
    public async Task Verify_ReportsAnIntactChain_AndRecordsTheVerdict()
    {
        await using var host = await UseCaseHost.StartAsync();

        var result = await host.Get<VerifyAudit>().ExecuteAsync(Auditor, new VerifyAuditRequest(), CancellationToken.None);

        Assert.True(result.Value.Intact);
        var verify = Assert.Single(await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.AuditVerify)));
        Assert.Equal("0 records; intact True", verify.Event.Data);
    }

    [Fact]
    public async Task Verify_WithoutAPositiveRetention_IsInvalidNamingAuditDays()
    {
        await using var host = await UseCaseHost.StartAsync();

        var result = await host.Get<VerifyAudit>().ExecuteAsync(Auditor, new VerifyAuditRequest(AuditDays: 0), CancellationToken.None);

        Assert.Equal("audit_days", result.Failure?.Field);
    }

    [Fact]
    public async Task EveryAuditUseCase_RefusesARoleWithoutReadAudit_AndRecordsNothing()
    {
        await using var host = await UseCaseHost.StartAsync();
        var admin = Actor.Unscoped("ada", Role.Administrator);
        using var output = new MemoryStream();

        Assert.Equal(FailureKind.Forbidden, (await host.Get<SearchAudit>().ExecuteAsync(admin, new SearchAuditRequest(), CancellationToken.None)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await host.Get<ExportAudit>().ExecuteAsync(admin, new ExportAuditRequest(output), CancellationToken.None)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await host.Get<VerifyAudit>().ExecuteAsync(admin, new VerifyAuditRequest(), CancellationToken.None)).Failure?.Kind);
        Assert.Empty(await host.Get<IAuditLog>().SearchAsync(new AuditQuery()));
        Assert.Equal(0, output.Length);
    }
}
