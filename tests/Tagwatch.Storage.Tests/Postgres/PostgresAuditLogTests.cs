using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Npgsql;
using Tagwatch.Application.Audit;
using Tagwatch.Storage.Postgres;
using Tagwatch.Storage.Postgres.Audit;

namespace Tagwatch.Storage.Tests.Postgres;

/// <summary>The audit log on PostgreSQL: one unbroken chain whatever the number of nodes appending, append-only in
/// the database itself, and trimmed only by a recorded retention purge.</summary>
public sealed class PostgresAuditLogTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private TestPostgresDatabase _server = null!;
    private PostgresDatabase _database = null!;
    private PostgresAuditLog _audit = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await TestPostgresDatabase.CreateAsync();
        _database = await PostgresDatabase.OpenAsync(_server.ConnectionString, TestContext.Current.CancellationToken);
        _audit = new PostgresAuditLog(_database, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static AuditEvent Viewed(int i) => new("po.smith", "ProbationOfficer", "view.trail", "offender", $"TW-{i:D5}", "trail 1 March");

    [Fact]
    public async Task Appends_FromTwoNodesAtOnce_FormOneUnbrokenChain()
    {
        await using var second = await PostgresDatabase.OpenAsync(_server.ConnectionString, TestContext.Current.CancellationToken);
        var other = new PostgresAuditLog(second, _clock);

        var appended = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => (i % 2 == 0 ? _audit : other).AppendAsync(Viewed(i), TestContext.Current.CancellationToken)));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), appended.Select(a => a.Sequence).Order());
        var check = await _audit.VerifyAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(check.Intact, string.Join("; ", check.Problems));
        Assert.Equal(200, check.Entries);
    }

    [Fact]
    public async Task Search_FindsByActorActionPrefixAndSubject()
    {
        await _audit.AppendAsync(Viewed(1), TestContext.Current.CancellationToken);
        await _audit.AppendAsync(Viewed(2) with { Action = "export.trail" }, TestContext.Current.CancellationToken);

        var views = await _audit.SearchAsync(new AuditQuery(Action: "view."), TestContext.Current.CancellationToken);
        var second = await _audit.SearchAsync(new AuditQuery(SubjectId: "TW-00002"), TestContext.Current.CancellationToken);

        Assert.Equal("TW-00001", Assert.Single(views).Event.SubjectId);
        Assert.Equal("export.trail", Assert.Single(second).Event.Action);
    }

    [Theory]
    [InlineData("""UPDATE audit_log SET "Data" = 'nothing to see'""")]
    [InlineData("""DELETE FROM audit_log""")]
    [InlineData("""TRUNCATE audit_log""")]
    [InlineData("""UPDATE audit_chain_base SET "Sequence" = 1""")]
    [InlineData("""UPDATE audit_head SET "Sequence" = 0""")]
    public async Task Tampering_IsRefusedByTheDatabase_EvenForItsSuperuser(string statement)
    {
        await _audit.AppendAsync(Viewed(1), TestContext.Current.CancellationToken);
        await _audit.AppendAsync(Viewed(2), TestContext.Current.CancellationToken);
        await using var connection = await _database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        });

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.True((await _audit.VerifyAsync(cancellationToken: TestContext.Current.CancellationToken)).Intact);
    }

    [Fact]
    public async Task Retention_RemovesTheOldRecords_MovingTheBase_AndTheChainStillVerifies()
    {
        for (int i = 0; i < 5; i++)
        {
            await _audit.AppendAsync(Viewed(i), TestContext.Current.CancellationToken);
        }

        _clock.Advance(TimeSpan.FromDays(400));
        await _audit.AppendAsync(Viewed(99), TestContext.Current.CancellationToken);
        var cutoff = Instant.FromDateTimeOffset(_clock.GetUtcNow()) - Duration.FromDays(365);

        long counted = await _audit.RemoveBeforeAsync(cutoff, 365, "admin", "Administrator", dryRun: true, TestContext.Current.CancellationToken);
        long removed = await _audit.RemoveBeforeAsync(cutoff, 365, "admin", "Administrator", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((5L, 5L), (counted, removed));
        var check = await _audit.VerifyAsync(retention: Duration.FromDays(365), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(check.Intact, string.Join("; ", check.Problems));
        Assert.Equal(2, check.Entries); // the newer record and the purge's own
        await Assert.ThrowsAsync<ArgumentException>(() => _audit.RemoveBeforeAsync(cutoff, 30, "admin", "Administrator", cancellationToken: TestContext.Current.CancellationToken));
    }
}
