using System.Collections.Concurrent;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Scored;

/// <summary>Runs scored correlation for many crimes against many trails, in parallel, with a deterministic result order.</summary>
public static class ScoredEngine
{
    /// <summary>One trail to check and who wears the tag (null when nobody enrolled does).</summary>
    /// <param name="Trail">The fixes to check.</param>
    /// <param name="Offender">Who wore the tag; null for fixes worn by nobody in scope.</param>
    /// <param name="Habitual">Where the person usually goes; found from the trail when null (which then needs the
    /// <see cref="HabitualPlaces.LookbackDays"/> before each crime's day).</param>
    public sealed record Subject(TagTrail Trail, OffenderContext? Offender, HabitualPlaces? Habitual = null);

    /// <summary>Every match, sorted by crime reference then tag.</summary>
    public static IReadOnlyList<ScoredMatch> Run(IReadOnlyList<CrimeSite> crimes, IReadOnlyList<Subject> subjects, ScoringParameters parameters)
    {
        parameters.Validate();
        var habitual = subjects.Select(s => s.Habitual ?? HabitualPlaces.Find(s.Trail, parameters.MaxEvidenceAccuracyMetres)).ToArray();
        var results = new ConcurrentBag<ScoredMatch>();
        Parallel.ForEach(crimes, crime =>
        {
            var probe = new CrimeProbe(crime, parameters);
            for (int i = 0; i < subjects.Count; i++)
            {
                if (ScoredMatcher.Evaluate(probe, subjects[i].Trail, subjects[i].Offender, habitual[i]) is { } match)
                {
                    results.Add(match);
                }
            }
        });

        // A tag can appear as two subjects (worn by different people over time): keep the stronger match per crime and tag.
        return results
            .GroupBy(m => (m.Crime.Force, m.Crime.Reference, m.Tag))
            .Select(g => g.OrderByDescending(m => m.Score).ThenBy(m => m.ClosestTimeUnixMs).First())
            .OrderBy(m => m.Crime.Reference, StringComparer.Ordinal).ThenBy(m => m.Tag.Value, StringComparer.Ordinal)
            .ToList();
    }
}
