namespace Tagwatch.Application.Maintenance;

/// <summary>A held lease on singleton work (<see cref="IWorkLeases"/>). Disposing it gives the lease up.</summary>
public interface IWorkLease : IAsyncDisposable
{
    /// <summary>The work it covers.</summary>
    string Name { get; }

    /// <summary>Cancelled once the lease is lost (the holder's hold on the database broke): another node may take it
    /// from then on, so the work in hand must stop.</summary>
    CancellationToken Lost { get; }

    /// <summary>Asks the database whether the lease still stands; a worker asks before each pass. False once it is lost.</summary>
    Task<bool> ConfirmAsync(CancellationToken cancellationToken = default);
}
