using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Identity;

namespace Tagwatch.Storage.Monitoring;

/// <summary>Monitoring still to do on the relational store (<c>monitoring_pending</c>): the ingest stores write the
/// entries in their commit's transaction; this reads and clears them.</summary>
public sealed class EfPendingMonitoringStore(IRelationalDatabase database) : IPendingMonitoringStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingEvaluation>> QueuedBeforeAsync(Instant queuedBefore, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        long beforeMs = queuedBefore.ToUnixTimeMilliseconds();
        await using var context = database.CreateContext();
        var rows = await (
            from p in context.PendingMonitoring.AsNoTracking().Where(p => p.QueuedUnixMs < beforeMs && p.FailedAttempts < IPendingMonitoringStore.MaxFailedAttempts).OrderBy(p => p.QueuedUnixMs).ThenBy(p => p.Id).Take(max)
            join e in context.DeviceEvents.AsNoTracking() on p.EventId equals e.Id into events
            from e in events.DefaultIfEmpty()
            select new { Entry = p, Event = e })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Entry.QueuedUnixMs).ThenBy(r => r.Entry.Id).Select(r =>
        {
            var tag = TagId.Parse(r.Entry.Tag);
            return new PendingEvaluation(
                r.Entry.Id,
                tag,
                r.Entry.FromUnixMs is { } from ? Instant.FromUnixTimeMilliseconds(from) : null,
                r.Event is { } e ? new DeviceEventRecord(tag, Instant.FromUnixTimeMilliseconds(e.TimeUnixMs), Instant.FromUnixTimeMilliseconds(e.ReceivedUnixMs), e.Kind) : null,
                Instant.FromUnixTimeMilliseconds(r.Entry.QueuedUnixMs),
                r.Entry.FailedAttempts);
        })];
    }

    /// <inheritdoc />
    public async Task CompleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var context = database.CreateContext();
        foreach (var chunk in ids.Chunk(500)) // SQLite limits the parameters of one statement
        {
            await context.PendingMonitoring.Where(p => chunk.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task FailAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        foreach (var chunk in ids.Chunk(500))
        {
            await context.PendingMonitoring.Where(p => chunk.Contains(p.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.FailedAttempts, p => p.FailedAttempts + 1), cancellationToken);
        }
    }

    /// <summary>Each tag of the commit with the earliest time of its fixes and when the latest of them arrived.</summary>
    public static IEnumerable<(TagId Tag, long FromUnixMs, long QueuedUnixMs)> FixEntriesOf(Dictionary<TagId, List<Core.Fixes.Fix>> fixes) =>
        fixes.Where(f => f.Value.Count > 0)
            .Select(f => (f.Key, f.Value.Min(x => x.TimeUnixMs), f.Value.Max(x => x.ReceivedUnixSeconds) * 1000));
}
