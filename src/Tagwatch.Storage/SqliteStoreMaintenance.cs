using Microsoft.Data.Sqlite;
using Tagwatch.Application.Maintenance;

namespace Tagwatch.Storage;

/// <summary>The SQLite file's housekeeping: write-ahead log checkpoints from a connection of their own, and the
/// readiness probe.</summary>
public sealed class SqliteStoreMaintenance(TagwatchDatabase database) : IStoreMaintenance, IStoreHealth
{
    /// <inheritdoc />
    public void TakeOverCheckpoints() => database.AutoCheckpoint = false;

    /// <inheritdoc />
    public Task CheckpointAsync(CancellationToken cancellationToken = default) => database.CheckpointPassiveAsync(cancellationToken);

    /// <inheritdoc />
    public Task CheckpointFullyAsync(CancellationToken cancellationToken = default) => database.CheckpointAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<Exception?> ProbeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return null;
        }
        catch (SqliteException ex)
        {
            return ex;
        }
    }
}
