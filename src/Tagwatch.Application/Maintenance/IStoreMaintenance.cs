namespace Tagwatch.Application.Maintenance;

/// <summary>Housekeeping a store needs beside its work, done by a background worker so that no request or device
/// commit waits for it.</summary>
/// <remarks>A store that needs none of it implements these as doing nothing.</remarks>
public interface IStoreMaintenance
{
    /// <summary>From now on the store leaves its log housekeeping to <see cref="CheckpointAsync"/> instead of doing it
    /// inside whichever commit happens to fill the log.</summary>
    void TakeOverCheckpoints();

    /// <summary>Moves what it can of the store's write log into its main file without waiting for readers or writers:
    /// cheap, and repeated every few seconds.</summary>
    Task CheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Moves all of the write log into the main file and empties the log: at shutdown.</summary>
    Task CheckpointFullyAsync(CancellationToken cancellationToken = default);
}
