using Npgsql;
using Tagwatch.Application.Maintenance;
using Tagwatch.Storage.Postgres;
using Tagwatch.Storage.Postgres.Coordination;

namespace Tagwatch.Storage.Tests.Postgres;

/// <summary>Singleton work leases between two nodes on one PostgreSQL database: one holds, the other waits, and the
/// other takes over once the holder gives the lease up or its session dies.</summary>
public sealed class PostgresWorkLeasesTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TryTake_TwoContenders_OnlyOneHoldsTheLease()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        await using var nodeA = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        await using var nodeB = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);

        await using var held = await new PostgresWorkLeases(nodeA).TryTakeAsync(WorkLeaseNames.Retention, Token);
        var refused = await new PostgresWorkLeases(nodeB).TryTakeAsync(WorkLeaseNames.Retention, Token);
        await using var other = await new PostgresWorkLeases(nodeB).TryTakeAsync(WorkLeaseNames.Correlation, Token);

        Assert.NotNull(held);
        Assert.Null(refused);
        Assert.NotNull(other); // another lease is free
        Assert.True(await held.ConfirmAsync(Token));
    }

    [Fact]
    public async Task Dispose_GivesTheLeaseUp_SoTheOtherContenderTakesIt()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        await using var nodeA = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        await using var nodeB = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        var held = await new PostgresWorkLeases(nodeA).TryTakeAsync(WorkLeaseNames.Retention, Token);
        Assert.NotNull(held);
        var lost = held.Lost;

        await held.DisposeAsync();
        await using var taken = await new PostgresWorkLeases(nodeB).TryTakeAsync(WorkLeaseNames.Retention, Token);

        Assert.NotNull(taken);
        Assert.True(lost.IsCancellationRequested); // whatever still held the old lease's token stops
    }

    [Fact]
    public async Task HoldersSessionKilled_LeaseLostByTheHolder_AndTakenOverByTheOtherWithinSeconds()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        await using var nodeA = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        await using var nodeB = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        await using var held = await new PostgresWorkLeases(nodeA).TryTakeAsync(WorkLeaseNames.Correlation, Token);
        Assert.NotNull(held);
        var contender = new PostgresWorkLeases(nodeB);
        Assert.Null(await contender.TryTakeAsync(WorkLeaseNames.Correlation, Token));

        await TerminateHolderAsync(nodeB, AdvisoryLockKey.Lease(WorkLeaseNames.Correlation));

        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Token);
        guard.CancelAfter(Generous);
        await WhenCancelled(held.Lost).WaitAsync(guard.Token); // the holder's own check finds its session gone
        Assert.False(await held.ConfirmAsync(Token));
        IWorkLease? taken = null;
        while (taken is null)
        {
            guard.Token.ThrowIfCancellationRequested();
            taken = await contender.TryTakeAsync(WorkLeaseNames.Correlation, guard.Token);
        }

        await taken.DisposeAsync();
    }

    /// <summary>Ends the session holding <paramref name="key"/>, as a dead node's session ends.</summary>
    private static async Task TerminateHolderAsync(PostgresDatabase database, AdvisoryLockKey key)
    {
        await using var connection = await database.OpenConnectionAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = ($1::bigint & 4294967295)::oid AND objid = ($2::bigint & 4294967295)::oid AND objsubid = 2";
        command.Parameters.Add(new NpgsqlParameter { Value = key.Space });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Key });
        Assert.Equal(true, await command.ExecuteScalarAsync(Token));
    }

    private static Task WhenCancelled(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(cancelled.SetResult);
        return cancelled.Task;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
