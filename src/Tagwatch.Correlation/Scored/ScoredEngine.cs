using System.Collections.Concurrent;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Scored;

/// <summary>Runs scored correlation for many crimes against many trails, in parallel, with a deterministic result order.</summary>
public static class ScoredEngine
{
    /// <summary>One trail to check and who wears the tag (null when nobody enrolled does).</summary>
    public sealed record Subject(TagTrail Trail, OffenderContext? Offender);

    /// <summary>Every match, sorted by crime reference then tag.</summary>
    public static IReadOnlyList<ScoredMatch> Run(IReadOnlyList<CrimeSite> crimes, IReadOnlyList<Subject> subjects, ScoringParameters parameters)
    {
        parameters.Validate();
        var habitual = subjects.ToDictionary(s => s.Trail.Tag, s => HabitualPlaces.Find(s.Trail, parameters.MaxEvidenceAccuracyMetres));
        var results = new ConcurrentBag<ScoredMatch>();
        Parallel.ForEach(crimes, crime =>
        {
            foreach (var subject in subjects)
            {
                if (ScoredMatcher.Evaluate(crime, subject.Trail, subject.Offender, habitual[subject.Trail.Tag], parameters) is { } match)
                {
                    results.Add(match);
                }
            }
        });

        return results.OrderBy(m => m.Crime.Reference, StringComparer.Ordinal).ThenBy(m => m.Tag.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>The tags of a list of subjects, for lookups.</summary>
    public static IReadOnlySet<TagId> Tags(IEnumerable<Subject> subjects) => subjects.Select(s => s.Trail.Tag).ToHashSet();
}
