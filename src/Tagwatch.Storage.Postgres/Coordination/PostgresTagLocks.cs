using Npgsql;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Identity;

namespace Tagwatch.Storage.Postgres.Coordination;

/// <summary>
/// Per-tag monitoring locks as PostgreSQL session-level advisory locks (<c>pg_advisory_lock</c>, which waits), each on a
/// pooled connection held while the tag is evaluated: the monitors of two nodes take turns on one tag, and a node that
/// dies mid-evaluation frees its lock with its session.
/// </summary>
/// <remarks>Thread-safe. Costs two round trips per evaluation, on a connection that is returned to the pool after.</remarks>
public sealed class PostgresTagLocks(PostgresDatabase database) : ITagMonitoringLocks
{
    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable> HoldAsync(TagId tag, CancellationToken cancellationToken = default)
    {
        var key = AdvisoryLockKey.Tag(tag.Value);
        var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var take = connection.CreateCommand();
            take.CommandText = "SELECT pg_advisory_lock($1, $2)";
            take.Parameters.Add(new NpgsqlParameter { Value = key.Space });
            take.Parameters.Add(new NpgsqlParameter { Value = key.Key });
            take.CommandTimeout = 0; // waits as long as the other node's evaluation takes; cancellation ends the wait
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection, key);
        }
        catch
        {
            await SessionEnd.CloseAsync(connection); // whether or not the lock was granted, it goes with the session
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, AdvisoryLockKey key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var unlock = connection.CreateCommand();
                unlock.CommandText = "SELECT pg_advisory_unlock($1, $2)";
                unlock.Parameters.Add(new NpgsqlParameter { Value = key.Space });
                unlock.Parameters.Add(new NpgsqlParameter { Value = key.Key });
                await unlock.ExecuteNonQueryAsync();
                await connection.DisposeAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                await SessionEnd.CloseAsync(connection);
            }
        }
    }
}
