using System.Collections.Concurrent;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Strict;

/// <summary>Strict mode: every stored fix counts, flagged or not, for every tag.</summary>
/// <remarks>
/// For each crime and tag, the trail's time buckets in the padded window whose boxes come near the crime are
/// scanned (<see cref="Proximity.Scan"/>); a local metric frame at the crime picks candidates with a safety margin; only candidates get the exact ellipsoidal
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
        long padMs = (long)parameters.Pad.TotalMilliseconds;
        var results = new ConcurrentBag<StrictMatch>();
        Parallel.ForEach(crimes, crime =>
        {
            foreach (var trail in trails)
            {
                if (MatchOne(crime, trail, parameters.RadiusMetres, padMs) is { } match)
                {
                    results.Add(match);
                }
            }
        });

        return results
            .OrderBy(m => m.CrimeReference, StringComparer.Ordinal)
            .ThenBy(m => m.Tag.Value, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The strict match of one crime with one trail, or null.</summary>
    public static StrictMatch? MatchOne(CrimeSite crime, TagTrail trail, double radiusMetres, long padMs)
    {
        var near = Proximity.Scan(trail, crime.Latitude, crime.Longitude, radiusMetres, crime.FromUnixMs - padMs, crime.ToUnixMs + padMs);
        return near.Count == 0 ? null : new StrictMatch(crime.Reference, trail.Tag, near.Count, near.MinDistanceMetres);
    }
}
