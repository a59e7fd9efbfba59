namespace Tagwatch.Application.Fixes;

/// <summary>Keeps the fix store's day grids (see <see cref="IFixGrids"/>) built ahead of the strict runs that read them.</summary>
public interface IFixGridMaintenance
{
    /// <summary>Builds the grid of every day that changed since its grid was built (the live day, late uploads,
    /// imports) and deletes stale ones.</summary>
    /// <returns>The number of days built.</returns>
    Task<int> RefreshAsync(CancellationToken cancellationToken = default);
}
