using System.Collections.Concurrent;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Strict;

/// <summary>Strict mode: every stored fix counts, flagged or not, for every tag.</summary>
/// <remarks>
/// For each crime, a <see cref="TrailIndex"/> over all trails finds the time buckets of the padded window whose
/// boxes come near the crime; their fixes are scanned (<see cref="Proximity"/>): a local metric frame at the crime picks candidates with a safety margin; only candidates get the exact ellipsoidal
/// distance, which alone decides inclusion and is what is reported. The result therefore equals a brute-force scan
/// of every fix with exact distances (a property test holds it to that). Crimes are processed in parallel; output is
/// sorted by crime reference, then tag.
/// </remarks>
public static class StrictMatcher
{
    /// <summary>Runs the strict question for every crime against every trail.</summary>
    public static IReadOnlyList<StrictMatch> Match(IReadOnlyList<CrimeSite> crimes, IReadOnlyList<TagTrail> trails, StrictParameters parameters)
    {
        parameters.Validate();
        if (crimes.Count == 0 || trails.Count == 0)
        {
            return [];
        }

        long padMs = (long)parameters.Pad.TotalMilliseconds;
        var index = new TrailIndex(trails);
        var results = new ConcurrentBag<StrictMatch>();
        Parallel.ForEach(Partitioner.Create(0, crimes.Count, Math.Max(64, crimes.Count / (4 * Environment.ProcessorCount))), range =>
        {
            for (int c = range.Item1; c < range.Item2; c++)
            {
                var crime = crimes[c];
                foreach (var (trail, near) in index.Near(crime.Latitude, crime.Longitude, parameters.RadiusMetres, crime.FromUnixMs - padMs, crime.ToUnixMs + padMs))
                {
                    results.Add(new StrictMatch(crime.Reference, trails[trail].Tag, near.Count, near.MinDistanceMetres));
                }
            }
        });

        return results
            .OrderBy(m => m.CrimeReference, StringComparer.Ordinal)
            .ThenBy(m => m.Tag.Value, StringComparer.Ordinal)
            .ToList();
    }
}
