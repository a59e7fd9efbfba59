using NodaTime;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Tags;
using Tagwatch.Correlation.Scored;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Application.Correlation;

/// <summary>Who a scored run checks: every person whose risk tier is at or above the scheme's correlation tier, through
/// the tags they wore and only while they wore them; with all tags, also every tag's fixes worn by nobody in scope
/// (checked with neutral offender factors).</summary>
internal sealed class CorrelationScope
{
    private readonly TrailLoader _trails;
    private readonly Dictionary<OffenderId, Offender> _people;
    private readonly List<TagAssignment> _inScope;
    private readonly List<TagId>? _allTags;

    private CorrelationScope(TrailLoader trails, Dictionary<OffenderId, Offender> people, List<TagAssignment> inScope, List<TagId>? allTags) =>
        (_trails, _people, _inScope, _allTags) = (trails, people, inScope, allTags);

    /// <summary>Reads the scheme's people, tier and tag assignments (and, with <paramref name="allTags"/>, every tag).</summary>
    public static async Task<CorrelationScope> ReadAsync(IOffenderStore offenders, ITagDirectory tags, TrailLoader trails, bool allTags, CancellationToken cancellationToken)
    {
        var scheme = await offenders.GetSchemeAsync(cancellationToken);
        var people = (await offenders.ListAsync(cancellationToken)).ToDictionary(o => o.Id);
        var inScope = (await tags.MonitoredAssignmentsAsync(cancellationToken))
            .Where(a => people.TryGetValue(a.Offender, out var person) && person.RiskTier >= scheme.CorrelationMinimumTier)
            .ToList();
        var all = allTags ? (await tags.ListAsync(cancellationToken)).Select(t => t.Id).ToList() : null;
        return new CorrelationScope(trails, people, inScope, all);
    }

    /// <summary>The tags checked for [from, to]: worn by someone in scope then (every tag, with all tags). Only these
    /// are read — full fixes cost memory, and most tags of a large scheme belong to people below the tier.</summary>
    public List<TagId> TagsBetween(Instant from, Instant to) =>
        _allTags?.ToList() ?? _inScope.Where(a => a.From <= to && (a.To is null || a.To > from)).Select(a => a.Tag).Distinct().ToList();

    /// <summary>The trails to check with fixes in [from, to], limited to <paramref name="onlyTags"/> when given.</summary>
    /// <param name="from">Start of the span read.</param>
    /// <param name="to">End of the span read.</param>
    /// <param name="onlyTags">The tags to read; all of <see cref="TagsBetween"/> when null.</param>
    /// <param name="habitual">Every subject's habitual places, or null to find them from each trail.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<List<ScoredEngine.Subject>> SubjectsAsync(Instant from, Instant to, HashSet<TagId>? onlyTags, HabitualPlaces? habitual, CancellationToken cancellationToken)
    {
        var wanted = TagsBetween(from, to).Where(t => onlyTags is null || onlyTags.Contains(t)).ToList();
        var loaded = wanted.Count == 0 ? [] : (await _trails.LoadAsync(from, to, wanted, cancellationToken: cancellationToken)).ToDictionary(t => t.Tag);
        var subjects = new List<ScoredEngine.Subject>();
        var covered = new Dictionary<TagId, List<(long From, long To)>>();
        foreach (var assignment in _inScope)
        {
            if (!loaded.TryGetValue(assignment.Tag, out var trail))
            {
                continue;
            }

            long start = assignment.From.ToUnixTimeMilliseconds(), end = assignment.To?.ToUnixTimeMilliseconds() ?? long.MaxValue;
            int first = trail.FirstAtOrAfter(start), last = end == long.MaxValue ? trail.Count : trail.FirstAtOrAfter(end);
            if (last > first)
            {
                // Worn for the whole loaded span (the usual case): the trail serves as it is, without a copy.
                var worn = first == 0 && last == trail.Count ? trail : new TagTrail(trail.Tag, trail.Fixes[first..last]);
                var person = _people[assignment.Offender];
                subjects.Add(new ScoredEngine.Subject(worn, new OffenderContext(person.Reference.Value, person.IndexOffences, person.HomeAddress), habitual));
                (covered.TryGetValue(trail.Tag, out var periods) ? periods : covered[trail.Tag] = []).Add((start, end));
            }
        }

        if (_allTags is not null)
        {
            foreach (var (tag, trail) in loaded)
            {
                var periods = covered.GetValueOrDefault(tag) ?? [];
                var rest = trail.Fixes.Where(f => !periods.Any(p => f.TimeUnixMs >= p.From && f.TimeUnixMs < p.To)).ToList();
                if (rest.Count > 0)
                {
                    subjects.Add(new ScoredEngine.Subject(new TagTrail(tag, rest), null, habitual));
                }
            }
        }

        return subjects;
    }
}
