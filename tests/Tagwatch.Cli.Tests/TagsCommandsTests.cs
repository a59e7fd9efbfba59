using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Ingest;
using Tagwatch.Storage;

namespace Tagwatch.Cli.Tests;

public sealed class TagsCommandsTests
{
    [Fact]
    public async Task Credential_CreateListRevoke_ShowsSecretOnceAndRecordsRevocation()
    {
        using var tagwatch = new Tagwatch();
        await tagwatch.RunAsync("tags", "add", "359339075010001", "--db", tagwatch.DatabasePath);

        var created = await tagwatch.RunAsync("tags", "credential", "create", "--tag", "359339075010001", "--name", "phone", "--db", tagwatch.DatabasePath);
        var revoked = await tagwatch.RunAsync("tags", "credential", "revoke", "1", "--db", tagwatch.DatabasePath);
        var listed = await tagwatch.RunAsync("tags", "credential", "list", "--db", tagwatch.DatabasePath);

        Assert.Equal(0, created.ExitCode);
        string secret = created.Output.Trim().Split('\n')[^1].Trim();
        Assert.StartsWith("twd_", secret, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        Assert.DoesNotContain(secret, listed.Output, StringComparison.Ordinal);
        Assert.Contains("359339075010001", listed.Output, StringComparison.Ordinal);
        Assert.Matches(@"phone\s*│\s*\d{4}-\d\d-\d\dT[^│]*│\s*\d{4}-", listed.Output);
    }

    [Fact]
    public async Task AddAndCredential_WriteTheSameAuditTextAsTheApi_InTheConsoleActorsName()
    {
        using var tagwatch = new Tagwatch();
        var added = await tagwatch.RunAsync("tags", "add", "359339075010001", "--protocol", "GT06", "--model", "ankle x1", "--db", tagwatch.DatabasePath);
        var created = await tagwatch.RunAsync("tags", "credential", "create", "--tag", "359339075010001", "--name", "phone 12", "--db", tagwatch.DatabasePath);

        Assert.Equal((0, 0), (added.ExitCode, created.ExitCode));
        var services = await TagwatchServices.OpenAsync(tagwatch.DatabasePath, TimeProvider.System);
        var audited = (await services.Audit.SearchAsync(new AuditQuery(Action: AuditActions.ChangeSettings))).Select(e => e.Event).ToList();
        // The same texts as TagsApiTests expects of the API: the use cases write them, whichever door asks.
        Assert.Equal(
            [("tag", "359339075010001", "registered (gt06, ankle x1)"), ("credential", "1", "device credential 'phone 12' created (device 359339075010001)")],
            audited.Select(e => (e.SubjectType, e.SubjectId, e.Data)));
        Assert.All(audited, e => Assert.Equal("Administrator", e.ActorRole));
        Assert.All(audited, e => Assert.StartsWith("console:", e.Actor, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assign_OfNobodyEnrolled_IsAUsageErrorNamingTheOffender()
    {
        using var tagwatch = new Tagwatch();
        await tagwatch.RunAsync("tags", "add", "359339075010001", "--db", tagwatch.DatabasePath);

        var result = await tagwatch.RunAsync("tags", "assign", "359339075010001", "--offender", "TW-99999", "--db", tagwatch.DatabasePath);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("offender: no enrolled person has the reference 'TW-99999'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_IdentifierWithControlCharacters_IsPrintedEscaped()
    {
        using var tagwatch = new Tagwatch();
        var services = await TagwatchServices.OpenAsync(tagwatch.DatabasePath, TimeProvider.System);
        var seen = Instant.FromUtc(2026, 11, 25, 10, 0);
        var commit = new IngestCommit();
        var refused = new RefusedDevice("31337\u001b[2J\u0007", "h02", seen, seen, 3, "192.0.2.7:4000") { Detail = "device '31337\u001b[2J' is not registered" };
        commit.Refused[refused.Key] = refused; // as an earlier version recorded such identifiers
        await services.Ingest.CommitAsync(commit);

        var result = await tagwatch.RunAsync("tags", "refused", "--db", tagwatch.DatabasePath);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(result.Output, c => c is '\u001b' or '\u0007');
        string deviceColumn = string.Concat(result.Output.Split('\n').Where(l => l.StartsWith('│')).Select(l => l.Split('│')[1].Trim()));
        Assert.Contains(@"31337\u001B[2J\u0007", deviceColumn, StringComparison.Ordinal); // the cell may wrap
    }

    [Fact]
    public async Task Credential_BothTagAndGateway_IsAUsageError()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("tags", "credential", "create", "--tag", "x", "--gateway", "--name", "n", "--db", tagwatch.DatabasePath);

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Correct_WithoutFrom_IsAUsageErrorNamingIt()
    {
        using var tagwatch = new Tagwatch();
        await tagwatch.RunAsync("tags", "add", "359339075010001", "--db", tagwatch.DatabasePath);

        var result = await tagwatch.RunAsync("tags", "correct", "359339075010001", "--offender", "TW-0001", "--reason", "fitted a day earlier", "--db", tagwatch.DatabasePath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--from is required", result.Error, StringComparison.Ordinal);
    }
}
