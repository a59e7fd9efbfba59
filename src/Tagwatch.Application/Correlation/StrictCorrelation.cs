using NodaTime;
using Tagwatch.Application.Crimes;
using Tagwatch.Correlation;
using Tagwatch.Correlation.Strict;

namespace Tagwatch.Application.Correlation;

/// <summary>Runs strict mode over everything stored: every current crime against every tag's fixes.</summary>
public sealed class StrictCorrelation(ICrimeStore crimes, TrailLoader trails)
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

        // Only fixes that can fall in some crime's padded window need to be read.
        var from = current.Min(c => c.CommittedFrom) - parameters.Pad;
        var to = current.Max(c => c.CommittedTo) + parameters.Pad;
        var loaded = await trails.LoadAsync(from, to, keepFixes: false, cancellationToken: cancellationToken);
        return StrictMatcher.Match(current.Select(CrimeSite.From).ToList(), loaded, parameters);
    }
}
