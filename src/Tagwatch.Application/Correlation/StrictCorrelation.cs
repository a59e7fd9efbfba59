using NodaTime;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.Fixes;
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
        if (await crimes.CurrentSpanAsync(cancellationToken) is not { } span)
        {
            return [];
        }

        // Only days that can fall in some crime's padded window are read — while the crimes themselves are read.
        var sites = crimes.CurrentSitesAsync(Instant.MinValue, Instant.MaxValue, cancellationToken);
        using var grid = await grids.LoadAsync(span.Start - parameters.Pad, span.End + parameters.Pad, cancellationToken);
        var current = await sites;
        return StrictMatcher.Match(current, grid, parameters);
    }
}
