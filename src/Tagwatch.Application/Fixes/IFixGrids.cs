using NodaTime;
using Tagwatch.Correlation.Grid;

namespace Tagwatch.Application.Fixes;

/// <summary>The fix store's space-time index: every tag's fixes of a span of UTC days, filed by place and time.</summary>
/// <remarks>What strict correlation reads instead of the trails: it holds every stored fix (flagged or not) of every
/// tag, and always the store's current state — a day whose fixes changed since its grid was built is built again.</remarks>
public interface IFixGrids
{
    /// <summary>The grid of every fix on the UTC days from <paramref name="from"/>'s to <paramref name="to"/>'s.</summary>
    Task<FixGrid> LoadAsync(Instant from, Instant to, CancellationToken cancellationToken = default);
}
