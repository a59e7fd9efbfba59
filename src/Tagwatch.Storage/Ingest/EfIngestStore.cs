using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Ingest;
using Tagwatch.Core.Identity;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Ingest;

/// <summary>What every database's ingest store reads and compacts through EF Core alike — refused devices, device
/// contacts, events, raw frames — leaving each database to write a group commit its own fastest way.</summary>
public abstract class EfIngestStore(IRelationalDatabase database) : IIngestStore
{
    private const long MillisecondsPerDay = 86_400_000;

    /// <inheritdoc />
    public abstract Task<FixAppendResult> CommitAsync(IngestCommit commit, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public async Task<IReadOnlyList<RefusedDevice>> RefusedDevicesAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.RefusedDevices.AsNoTracking().OrderByDescending(r => r.LastSeenUnixMs).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RefusedDevice(r.DeviceId, r.Protocol, Instant.FromUnixTimeMilliseconds(r.FirstSeenUnixMs), Instant.FromUnixTimeMilliseconds(r.LastSeenUnixMs), r.Messages, r.LastRemote)
        {
            Reason = ReasonOf(r.Reason),
            Source = r.Source,
            Detail = r.Detail,
        })];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeviceContact>> ContactsAsync(CancellationToken cancellationToken = default) =>
        ContactsWhereAsync(null, null, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DeviceContact>> StaleContactsAsync(Instant contactBefore, Instant fixBefore, CancellationToken cancellationToken = default) =>
        ContactsWhereAsync(contactBefore.ToUnixTimeMilliseconds(), fixBefore.ToUnixTimeMilliseconds(), cancellationToken);

    private async Task<IReadOnlyList<DeviceContact>> ContactsWhereAsync(long? contactBeforeMs, long? fixBeforeMs, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var contacts = context.DeviceContacts.AsNoTracking();
        if (contactBeforeMs is { } c && fixBeforeMs is { } f)
        {
            contacts = contacts.Where(d => d.LastContactUnixMs < c || d.LastFixUnixMs == null || d.LastFixUnixMs < f);
        }

        var rows = await contacts
            .Join(context.Tags, c => c.TagKey, t => t.Key, (c, t) => new { c, t.DeviceId })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DeviceContact(
            TagId.Parse(r.DeviceId),
            Instant.FromUnixTimeMilliseconds(r.c.LastContactUnixMs),
            r.c.LastFixUnixMs is { } f ? Instant.FromUnixTimeMilliseconds(f) : null,
            r.c.BatteryPercent,
            r.c.Charging,
            r.c.Protocol))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RawFrame>> FramesAsync(TagId tag, Instant from, Instant to, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        long fromMs = from.ToUnixTimeMilliseconds(), toMs = to.ToUnixTimeMilliseconds();
        var tagKey = await context.Tags.Where(t => t.DeviceId == tag.Value).Select(t => (int?)t.Key).SingleOrDefaultAsync(cancellationToken);
        if (tagKey is not { } key)
        {
            return [];
        }

        var frames = new List<RawFrame>();
        var blocks = await context.RawFrameBlocks.AsNoTracking()
            .Where(b => b.TagKey == key && b.LastReceivedUnixMs >= fromMs && b.FirstReceivedUnixMs <= toMs)
            .OrderBy(b => b.Day)
            .ToListAsync(cancellationToken);
        foreach (var block in blocks)
        {
            frames.AddRange(RawFrameBlockCodec.Decode(block.Data)
                .Where(f => f.ReceivedUnixMs >= fromMs && f.ReceivedUnixMs <= toMs)
                .Select(f => new RawFrame(tag, Instant.FromUnixTimeMilliseconds(f.ReceivedUnixMs), f.Protocol, f.Payload)));
        }

        var rows = await context.RawFrames.AsNoTracking()
            .Where(f => f.TagKey == key && f.ReceivedUnixMs >= fromMs && f.ReceivedUnixMs <= toMs)
            .OrderBy(f => f.ReceivedUnixMs).ThenBy(f => f.Id)
            .ToListAsync(cancellationToken);
        frames.AddRange(rows.Select(r => new RawFrame(tag, Instant.FromUnixTimeMilliseconds(r.ReceivedUnixMs), r.Protocol, r.Payload)));
        return [.. frames.OrderBy(f => f.Received)];
    }

    /// <inheritdoc />
    public async Task<long> CompactFramesAsync(Instant before, CancellationToken cancellationToken = default)
    {
        long cutoff = Instant.FromUnixTimeMilliseconds(before.ToUnixTimeMilliseconds() / MillisecondsPerDay * MillisecondsPerDay).ToUnixTimeMilliseconds();
        long packed = 0;
        while (true)
        {
            await using var context = database.CreateContext();
            var days = await context.RawFrames.AsNoTracking()
                .Where(f => f.ReceivedUnixMs < cutoff)
                .Select(f => new { f.TagKey, Day = f.ReceivedUnixMs / MillisecondsPerDay })
                .Distinct()
                .Take(20)
                .ToListAsync(cancellationToken);
            if (days.Count == 0)
            {
                return packed;
            }

            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            foreach (var day in days)
            {
                long start = day.Day * MillisecondsPerDay, end = start + MillisecondsPerDay;
                var rows = await context.RawFrames
                    .Where(f => f.TagKey == day.TagKey && f.ReceivedUnixMs >= start && f.ReceivedUnixMs < end)
                    .OrderBy(f => f.ReceivedUnixMs).ThenBy(f => f.Id)
                    .ToListAsync(cancellationToken);
                context.RawFrameBlocks.Add(new RawFrameBlockRow
                {
                    TagKey = day.TagKey,
                    Day = (int)day.Day,
                    FirstReceivedUnixMs = rows[0].ReceivedUnixMs,
                    LastReceivedUnixMs = rows[^1].ReceivedUnixMs,
                    Count = rows.Count,
                    Data = RawFrameBlockCodec.Encode([.. rows.Select(r => (r.ReceivedUnixMs, r.Protocol, r.Payload))]),
                });
                context.RawFrames.RemoveRange(rows);
                packed += rows.Count;
            }

            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeviceEventRecord>> EventsAsync(TagId tag, Instant from, Instant to, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        long fromMs = from.ToUnixTimeMilliseconds(), toMs = to.ToUnixTimeMilliseconds();
        var rows = await context.DeviceEvents.AsNoTracking()
            .Join(context.Tags.Where(t => t.DeviceId == tag.Value), e => e.TagKey, t => t.Key, (e, _) => e)
            .Where(e => e.TimeUnixMs >= fromMs && e.TimeUnixMs <= toMs)
            .OrderBy(e => e.TimeUnixMs).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DeviceEventRecord(tag, Instant.FromUnixTimeMilliseconds(r.TimeUnixMs), Instant.FromUnixTimeMilliseconds(r.ReceivedUnixMs), r.Kind))];
    }

    /// <summary>The stored name of a refusal reason (snake case).</summary>
    protected internal static string ReasonName(RefusalReason reason) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString());

    private static RefusalReason ReasonOf(string name) =>
        Enum.TryParse<RefusalReason>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var reason) ? reason : RefusalReason.Unregistered;
}
