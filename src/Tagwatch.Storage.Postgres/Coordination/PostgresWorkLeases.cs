using Npgsql;
using Tagwatch.Application.Maintenance;

namespace Tagwatch.Storage.Postgres.Coordination;

/// <summary>
/// Work leases as PostgreSQL session-level advisory locks: a lease is <c>pg_try_advisory_lock</c> taken on a connection
/// of its own and held as long as that connection's session lives. A node that dies takes its sessions, and so its
/// leases, with it; a node that loses its connection loses its lease and is told so (<see cref="IWorkLease.Lost"/>).
/// </summary>
/// <remarks>
/// How fast a dead holder's lease is free: a process that exits or is killed closes its sockets and the server ends
/// the session at once; a machine or network that goes silent is found by the server's TCP keepalives, set on the
/// lease's session (<see cref="KeepaliveIdleSeconds"/>, <see cref="KeepaliveIntervalSeconds"/>, <see cref="KeepaliveCount"/>:
/// about 11 seconds). The holder checks its own session every <see cref="CheckEvery"/> and gives up within
/// <see cref="CheckTimeout"/> of an unanswered check — before the server frees the lock, so two nodes never both
/// believe they hold it. Thread-safe.
/// </remarks>
public sealed class PostgresWorkLeases(PostgresDatabase database) : IWorkLeases
{
    /// <summary>Seconds of silence before the server probes a lease's connection.</summary>
    public const int KeepaliveIdleSeconds = 5;

    /// <summary>Seconds between the server's probes.</summary>
    public const int KeepaliveIntervalSeconds = 2;

    /// <summary>Unanswered probes after which the server ends the session and frees its leases.</summary>
    public const int KeepaliveCount = 3;

    /// <summary>How often a holder checks that its lease's session still stands.</summary>
    public TimeSpan CheckEvery { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a check may go unanswered before the holder gives the lease up.</summary>
    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public async Task<IWorkLease?> TryTakeAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = AdvisoryLockKey.Lease(name);
        var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var take = connection.CreateCommand())
            {
                take.CommandText = "SELECT pg_try_advisory_lock($1, $2)";
                take.Parameters.Add(new NpgsqlParameter { Value = key.Space });
                take.Parameters.Add(new NpgsqlParameter { Value = key.Key });
                if (await take.ExecuteScalarAsync(cancellationToken) is not true)
                {
                    await connection.DisposeAsync();
                    return null;
                }
            }

            await using (var keepalive = connection.CreateCommand())
            {
                // Session settings: the server finds a silent holder's machine gone within seconds, not hours.
                keepalive.CommandText = $"SET tcp_keepalives_idle = {KeepaliveIdleSeconds}; SET tcp_keepalives_interval = {KeepaliveIntervalSeconds}; SET tcp_keepalives_count = {KeepaliveCount}";
                await keepalive.ExecuteNonQueryAsync(cancellationToken);
            }

            return new PostgresWorkLease(name, key, connection, CheckEvery, CheckTimeout);
        }
        catch
        {
            await SessionEnd.CloseAsync(connection); // the session ends, and any lock it took with it
            throw;
        }
    }
}
