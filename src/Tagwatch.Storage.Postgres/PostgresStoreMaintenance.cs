using Npgsql;
using Tagwatch.Application.Maintenance;

namespace Tagwatch.Storage.Postgres;

/// <summary>The PostgreSQL database's housekeeping as the server sees it: checkpoints are the server's own business
/// (its checkpointer and autovacuum), so only the readiness probe does anything.</summary>
public sealed class PostgresStoreMaintenance(PostgresDatabase database) : IStoreMaintenance, IStoreHealth
{
    /// <inheritdoc />
    public void TakeOverCheckpoints()
    {
        // PostgreSQL checkpoints by itself; no commit ever waits on one of ours.
    }

    /// <inheritdoc />
    public Task CheckpointAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task CheckpointFullyAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<Exception?> ProbeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await using var connection = await database.OpenConnectionAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }
}
