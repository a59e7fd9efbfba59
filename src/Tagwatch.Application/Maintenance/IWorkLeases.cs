namespace Tagwatch.Application.Maintenance;

/// <summary>
/// Leases on background work that must run on one server node at a time (retention, correlation passes, grid builds,
/// frame compaction, notification sending, the licence monitor's sweep), however many nodes share the database.
/// </summary>
/// <remarks>
/// A node that holds a lease runs the work; the others keep asking, and one of them takes it over within seconds of
/// the holder stopping or dying. With one process on its own database the lease is always held. Thread-safe.
/// </remarks>
public interface IWorkLeases
{
    /// <summary>Tries to take the lease <paramref name="name"/> (one of <see cref="WorkLeaseNames"/>); null at once
    /// when another node holds it. Dispose the lease to give it up.</summary>
    Task<IWorkLease?> TryTakeAsync(string name, CancellationToken cancellationToken = default);
}
