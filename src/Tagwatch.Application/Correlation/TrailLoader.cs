using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Application.Correlation;

/// <summary>Loads the trails the engine needs from the fix store: every tag's fixes within a time span.</summary>
public sealed class TrailLoader(IFixStore fixes, ITagDirectory tags)
{
    /// <summary>Trails of every registered tag (or of <paramref name="only"/>) with fixes in [from, to], ordered by tag.</summary>
    /// <param name="from">Start of the time range.</param>
    /// <param name="to">End of the time range.</param>
    /// <param name="only">The tags to load; every registered tag when null.</param>
    /// <param name="keepFixes">False for times and positions only (strict mode, searches): read straight from the
    /// store's columns, at a third of the memory.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public async Task<IReadOnlyList<TagTrail>> LoadAsync(Instant from, Instant to, IReadOnlyCollection<TagId>? only = null, bool keepFixes = true, CancellationToken cancellationToken = default)
    {
        var wanted = only ?? (await tags.ListAsync(cancellationToken)).Select(t => t.Id).ToList();
        var trails = new List<TagTrail>(wanted.Count);
        if (keepFixes)
        {
            await foreach (var (tag, trailFixes) in fixes.ReadEachAsync(wanted, from, to, cancellationToken))
            {
                trails.Add(new TagTrail(tag, trailFixes));
            }
        }
        else
        {
            // Building a trail (its time buckets) is independent per tag: done on the thread pool while reading goes on.
            var building = new List<Task<TagTrail>>(wanted.Count);
            await foreach (var positions in fixes.ReadPositionsAsync(wanted, from, to, cancellationToken))
            {
                building.Add(Task.Run(() => new TagTrail(positions), cancellationToken));
            }

            trails.AddRange(await Task.WhenAll(building));
        }

        trails.Sort((a, b) => string.CompareOrdinal(a.Tag.Value, b.Tag.Value));
        return trails;
    }
}
