namespace Tagwatch.Application.Correlation;

/// <summary>The record of ad hoc location searches (a search of people's movements always states its purpose).</summary>
public interface ILocationSearchLog
{
    /// <summary>Records a search; recording the same id again updates its result count.</summary>
    Task RecordAsync(LocationSearch search, CancellationToken cancellationToken = default);

    /// <summary>Every recorded search, newest first.</summary>
    Task<IReadOnlyList<LocationSearch>> ListAsync(CancellationToken cancellationToken = default);
}
