namespace Tagwatch.Application.Maintenance;

/// <summary>Whether the store answers, for a readiness probe.</summary>
public interface IStoreHealth
{
    /// <summary>Asks the store the simplest question it can answer.</summary>
    /// <returns>Null when it answers; otherwise why it does not (for the probe's report and log).</returns>
    /// <remarks>Cancellation is thrown as usual; every other failure of the store is returned, not thrown.</remarks>
    Task<Exception?> ProbeAsync(CancellationToken cancellationToken = default);
}
