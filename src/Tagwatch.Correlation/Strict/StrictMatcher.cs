using System.Collections.Concurrent;
using Tagwatch.Correlation.Grid;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Strict;

/// <summary>Strict mode: every stored fix counts, flagged or not, for every tag.</summary>
/// <remarks>
/// For each crime, the <see cref="FixGrid"/> gives the fixes of the padded window in the cells the crime's search box
/// covers; a local metric frame at the crime screens them with a safety margin, and only candidates get the exact
/// ellipsoidal distance, which alone decides inclusion and is what is reported (<see cref="ProximityTest"/>). The
/// result therefore equals a brute-force scan of every fix with exact distances (a property test holds it to that).
/// Crimes are processed in parallel; output is sorted by crime reference, then tag.
/// </remarks>
public static class StrictMatcher
{
    /// <summary>Runs the strict question for every crime against trails held in memory.</summary>
    public static IReadOnlyList<StrictMatch> Match(IReadOnlyList<CrimeSite> crimes, IReadOnlyList<TagTrail> trails, StrictParameters parameters)
    {
        parameters.Validate();
        return crimes.Count == 0 || trails.Count == 0 ? [] : Match(crimes, FixGrid.FromTrails(trails), parameters);
    }

    /// <summary>Runs the strict question for every crime against a grid of fixes (as the fix store keeps them).</summary>
    public static IReadOnlyList<StrictMatch> Match(IReadOnlyList<CrimeSite> crimes, FixGrid grid, StrictParameters parameters)
    {
        parameters.Validate();
        if (crimes.Count == 0 || grid.Tags.Count == 0)
        {
            return [];
        }

        long padMs = (long)parameters.Pad.TotalMilliseconds;
        var results = new ConcurrentBag<StrictMatch>();
        Parallel.ForEach(Partitioner.Create(0, crimes.Count, Math.Max(64, crimes.Count / (4 * Environment.ProcessorCount))), range =>
        {
            for (int c = range.Item1; c < range.Item2; c++)
            {
                var crime = crimes[c];
                foreach (var (tag, near) in grid.Near(crime.Latitude, crime.Longitude, parameters.RadiusMetres, crime.FromUnixMs - padMs, crime.ToUnixMs + padMs))
                {
                    results.Add(new StrictMatch(crime.Reference, grid.Tags[tag], near.Count, near.MinDistanceMetres));
                }
            }
        });

        return results
            .OrderBy(m => m.CrimeReference, StringComparer.Ordinal)
            .ThenBy(m => m.Tag.Value, StringComparer.Ordinal)
            .ToList();
    }
}
