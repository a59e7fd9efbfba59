using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Application.Correlation;

/// <summary>Loads the trails the engine needs from the fix store: every tag's fixes within a time span.</summary>
public sealed class TrailLoader(IFixStore fixes, ITagDirectory tags)
{
    /// <summary>Trails of every registered tag (or of <paramref name="only"/>) with fixes in [from, to].</summary>
    public async Task<IReadOnlyList<TagTrail>> LoadAsync(Instant from, Instant to, IReadOnlyCollection<TagId>? only = null, CancellationToken cancellationToken = default)
    {
        var wanted = only ?? (await tags.ListAsync(cancellationToken)).Select(t => t.Id).ToList();
        var byTag = await fixes.ReadManyAsync(wanted, from, to, cancellationToken);
        // Trails are independent: build them (column copies, time buckets) on every core.
        return byTag.Where(kv => kv.Value.Count > 0)
            .OrderBy(kv => kv.Key.Value, StringComparer.Ordinal)
            .AsParallel().AsOrdered()
            .Select(kv => new TagTrail(kv.Key, kv.Value))
            .ToList();
    }
}
