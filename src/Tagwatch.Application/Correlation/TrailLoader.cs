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
    /// <param name="cancellationToken">Cancels the load.</param>
    public async Task<IReadOnlyList<TagTrail>> LoadAsync(Instant from, Instant to, IReadOnlyCollection<TagId>? only = null, CancellationToken cancellationToken = default)
    {
        var wanted = only ?? (await tags.ListAsync(cancellationToken)).Select(t => t.Id).ToList();
        var trails = new List<TagTrail>(wanted.Count);
        await foreach (var (tag, trailFixes) in fixes.ReadEachAsync(wanted, from, to, cancellationToken))
        {
            trails.Add(new TagTrail(tag, trailFixes));
        }

        trails.Sort((a, b) => string.CompareOrdinal(a.Tag.Value, b.Tag.Value));
        return trails;
    }
}
