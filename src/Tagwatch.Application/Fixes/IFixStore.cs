using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Fixes;

/// <summary>Durable storage of every fix, per tag, in time order.</summary>
/// <remarks>
/// Append is idempotent: a fix with the same tag, fix time and position as one already stored — in this call or
/// at any time before — is counted as a duplicate and not stored again. When the returned task completes, every
/// accepted fix is durable. Implementations are safe for concurrent readers and one writer at a time.
/// </remarks>
public interface IFixStore
{
    /// <summary>Stores fixes for many tags in one durable commit.</summary>
    Task<FixAppendResult> AppendAsync(IReadOnlyDictionary<TagId, List<Fix>> fixesByTag, CancellationToken cancellationToken = default);

    /// <summary>Reads a tag's fixes with fix time in [<paramref name="from"/>, <paramref name="to"/>], ordered by time.</summary>
    Task<IReadOnlyList<Fix>> ReadAsync(TagId tag, Instant from, Instant to, CancellationToken cancellationToken = default);

    /// <summary>Reads the fixes of every given tag in [from, to]; the per-tag lists are ordered by time.</summary>
    Task<IReadOnlyDictionary<TagId, IReadOnlyList<Fix>>> ReadManyAsync(IReadOnlyCollection<TagId> tags, Instant from, Instant to, CancellationToken cancellationToken = default);

    /// <summary>The time of the tag's latest stored fix, or null when it has none.</summary>
    Task<Instant?> LatestFixTimeAsync(TagId tag, CancellationToken cancellationToken = default);

    /// <summary>Streams the fixes of every given tag in [from, to], one tag at a time (ordered by time within each),
    /// so that a large caseload never has to be in memory at once. Tags with no fixes are skipped.</summary>
    IAsyncEnumerable<(TagId Tag, Fix[] Fixes)> ReadEachAsync(IReadOnlyCollection<TagId> tags, Instant from, Instant to, CancellationToken cancellationToken = default);

    /// <summary>Counts, time span and bytes on disk of what is stored.</summary>
    Task<FixStoreStatistics> StatisticsAsync(CancellationToken cancellationToken = default);
}
