using System.Diagnostics;
using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Benchmarks;

/// <summary>A fix store that counts the time spent in its appends, so a load that simulates trails as it stores them can
/// report the store's own rate apart from the simulator's.</summary>
internal sealed class TimedFixStore(IFixStore inner) : IFixStore
{
    private long _appendTicks;

    /// <summary>Time spent inside <see cref="AppendAsync"/> so far.</summary>
    public TimeSpan AppendTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _appendTicks));

    public async Task<FixAppendResult> AppendAsync(IReadOnlyDictionary<TagId, List<Fix>> fixesByTag, CancellationToken cancellationToken = default)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            return await inner.AppendAsync(fixesByTag, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _appendTicks, Stopwatch.GetTimestamp() - start);
        }
    }

    public Task<IReadOnlyList<Fix>> ReadAsync(TagId tag, Instant from, Instant to, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(tag, from, to, cancellationToken);

    public Task<IReadOnlyDictionary<TagId, IReadOnlyList<Fix>>> ReadManyAsync(IReadOnlyCollection<TagId> tags, Instant from, Instant to, CancellationToken cancellationToken = default) =>
        inner.ReadManyAsync(tags, from, to, cancellationToken);

    public Task<Instant?> LatestFixTimeAsync(TagId tag, CancellationToken cancellationToken = default) =>
        inner.LatestFixTimeAsync(tag, cancellationToken);

    public IAsyncEnumerable<(TagId Tag, Fix[] Fixes)> ReadEachAsync(IReadOnlyCollection<TagId> tags, Instant from, Instant to, CancellationToken cancellationToken = default) =>
        inner.ReadEachAsync(tags, from, to, cancellationToken);

    public Task<FixStoreStatistics> StatisticsAsync(CancellationToken cancellationToken = default) =>
        inner.StatisticsAsync(cancellationToken);
}
