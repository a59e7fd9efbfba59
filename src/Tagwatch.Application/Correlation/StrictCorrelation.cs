using NodaTime;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.Fixes;
using Tagwatch.Correlation;
using Tagwatch.Correlation.Strict;

namespace Tagwatch.Application.Correlation;

/// <summary>Runs strict mode over everything stored: every current crime against every tag's fixes, read from the fix
/// store's day grids.</summary>
public sealed class StrictCorrelation(ICrimeStore crimes, IFixGrids grids)
{
    /// <summary>The matches, sorted by crime reference then tag.</summary>
    public async Task<IReadOnlyList<StrictMatch>> RunAsync(StrictParameters parameters, CancellationToken cancellationToken = default)
    {
        parameters.Validate();
        var current = await crimes.CurrentAsync(Instant.MinValue, Instant.MaxValue, cancellationToken);
        if (current.Count == 0)
        {
            return [];
        }

        // Only days that can fall in some crime's padded window need to be read.
        var from = current.Min(c => c.CommittedFrom) - parameters.Pad;
        var to = current.Max(c => c.CommittedTo) + parameters.Pad;
        var grid = await grids.LoadAsync(from, to, cancellationToken);
        return StrictMatcher.Match(current.Select(CrimeSite.From).ToList(), grid, parameters);
    }
}
