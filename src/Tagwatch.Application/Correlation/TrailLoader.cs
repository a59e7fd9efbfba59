using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Application.Correlation;

/// <summary>Loads the trails the engine needs from the fix store: every tag's fixes within a time span.</summary>
/// <remarks>A fix stored without an accuracy (a file without accuracies, or data stored before ingest estimated one)
/// gets the estimate of <see cref="Accuracy"/> from its tag's model as it is read, flagged
/// <see cref="FixFlags.AccuracyEstimated"/>, so old data is evidence on the same terms as new.</remarks>
public sealed class TrailLoader(IFixStore fixes, ITagDirectory tags, AccuracyEstimator accuracy)
{
    /// <summary>Loads trails with the default accuracy estimate.</summary>
    public TrailLoader(IFixStore fixes, ITagDirectory tags)
        : this(fixes, tags, new AccuracyEstimator())
    {
    }

    /// <summary>How fixes stored without an accuracy are given one.</summary>
    public AccuracyEstimator Accuracy => accuracy;

    /// <summary>Trails of every registered tag (or of <paramref name="only"/>) with fixes in [from, to], ordered by tag.</summary>
    /// <param name="from">Start of the time range.</param>
    /// <param name="to">End of the time range.</param>
    /// <param name="only">The tags to load; every registered tag when null.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public async Task<IReadOnlyList<TagTrail>> LoadAsync(Instant from, Instant to, IReadOnlyCollection<TagId>? only = null, CancellationToken cancellationToken = default)
    {
        var registered = await tags.ListAsync(cancellationToken);
        var typical = registered.ToDictionary(t => t.Id, t => accuracy.TypicalFor(t.Model, t.Protocol));
        var wanted = only ?? registered.Select(t => t.Id).ToList();
        var trails = new List<TagTrail>(wanted.Count);
        await foreach (var (tag, trailFixes) in fixes.ReadEachAsync(wanted, from, to, cancellationToken))
        {
            EstimateMissingAccuracy(trailFixes, typical.TryGetValue(tag, out double metres) ? metres : accuracy.DefaultMetres);
            trails.Add(new TagTrail(tag, trailFixes));
        }

        trails.Sort((a, b) => string.CompareOrdinal(a.Tag.Value, b.Tag.Value));
        return trails;
    }

    private void EstimateMissingAccuracy(Fix[] trail, double typicalMetres)
    {
        for (int i = 0; i < trail.Length; i++)
        {
            if (trail[i].AccuracyMetres is null && accuracy.EstimateStored(trail[i], typicalMetres) is { } estimate)
            {
                trail[i] = trail[i].WithEstimatedAccuracy(estimate);
            }
        }
    }
}
