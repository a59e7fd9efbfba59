using System.Collections.Concurrent;
using Tagwatch.Core.Geo;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Strict;

/// <summary>Strict mode: every stored fix counts, flagged or not, for every tag.</summary>
/// <remarks>
/// For each crime and tag, the fixes in the padded window are found by binary search on time; a local metric frame
/// at the crime picks candidates with a safety margin of 1 % + 1 m; only candidates get the exact ellipsoidal
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
        int start = trail.FirstAtOrAfter(crime.FromUnixMs - padMs);
        int end = trail.EndAtOrBefore(crime.ToUnixMs + padMs);
        if (start >= end)
        {
            return null;
        }

        var frame = new LocalFrame(crime.Latitude, crime.Longitude);
        double screen = radiusMetres * 1.01 + 1;
        double screenSquared = screen * screen;
        double kNorth = frame.MetresPerDegreeNorth, kEast = frame.MetresPerDegreeEast;
        var lats = trail.Latitudes;
        var lons = trail.Longitudes;
        int count = 0;
        double best = double.MaxValue;
        for (int i = start; i < end; i++)
        {
            double north = (lats[i] - crime.Latitude) * kNorth;
            double east = (lons[i] - crime.Longitude) * kEast;
            if (north * north + east * east > screenSquared)
            {
                continue;
            }

            double exact = Geodesic.DistanceMetres(crime.Latitude, crime.Longitude, lats[i], lons[i]);
            if (exact <= radiusMetres)
            {
                count++;
                best = Math.Min(best, exact);
            }
        }

        return count == 0 ? null : new StrictMatch(crime.Reference, trail.Tag, count, best);
    }
}
