using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Storage.Model;
using Tagwatch.Storage.Offenders;

namespace Tagwatch.Storage.Tags;

/// <summary>The device registry on the relational store.</summary>
public sealed class EfTagDirectory(TagwatchDatabase database, TimeProvider clock) : ITagDirectory
{
    /// <inheritdoc />
    public async Task<IReadOnlySet<TagId>> FindRegisteredAsync(IReadOnlyCollection<TagId> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Select(i => i.Value).ToList();
        await using var context = database.CreateContext();
        var found = await context.Tags.Where(t => wanted.Contains(t.DeviceId)).Select(t => t.DeviceId).ToListAsync(cancellationToken);
        return found.Select(TagId.Parse).ToHashSet();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Tag>> FindAsync(IReadOnlyCollection<TagId> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Select(i => i.Value).ToList();
        await using var context = database.CreateContext();
        var rows = await context.Tags.AsNoTracking().Where(t => wanted.Contains(t.DeviceId)).ToListAsync(cancellationToken);
        return rows.Select(r => new Tag(TagId.Parse(r.DeviceId), r.Protocol, r.Model)).ToList();
    }

    /// <inheritdoc />
    public async Task RegisterAsync(IReadOnlyCollection<Tag> tags, CancellationToken cancellationToken = default)
    {
        var existing = await FindRegisteredAsync(tags.Select(t => t.Id).ToList(), cancellationToken);
        await using var context = database.CreateContext();
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var tag in tags.Where(t => !existing.Contains(t.Id)).DistinctBy(t => t.Id))
        {
            context.Tags.Add(new TagRow { DeviceId = tag.Id.Value, Protocol = tag.Protocol, Model = tag.Model, CreatedUnixMs = now });
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Tag>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.Tags.OrderBy(t => t.DeviceId).ToListAsync(cancellationToken);
        return rows.Select(r => new Tag(TagId.Parse(r.DeviceId), r.Protocol, r.Model)).ToList();
    }

    /// <inheritdoc />
    public async Task AssignAsync(TagId tag, OffenderId offender, Instant from, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var row = await context.Tags.SingleOrDefaultAsync(t => t.DeviceId == tag.Value, cancellationToken)
            ?? throw new KeyNotFoundException($"Tag {tag} is not registered.");
        var wearer = (await context.Offenders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offender.Value, cancellationToken)
            ?? throw new KeyNotFoundException($"No one enrolled has the id {offender.Value}.")).ToOffender();
        if (wearer.FittingRefusal(from) is { } refusal)
        {
            throw new Core.NotAllowedNowException(refusal);
        }

        long fromMs = from.ToUnixTimeMilliseconds();
        var open = await context.TagAssignments.Where(a => a.TagKey == row.Key && a.ToUnixMs == null).ToListAsync(cancellationToken);
        foreach (var assignment in open)
        {
            if (assignment.FromUnixMs >= fromMs)
            {
                throw new Core.NotAllowedNowException($"Tag {tag} has a wearing period starting at or after {from}; end it first.");
            }

            assignment.ToUnixMs = fromMs;
        }

        context.TagAssignments.Add(new TagAssignmentRow { TagKey = row.Key, OffenderId = offender.Value, FromUnixMs = fromMs });
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TagAssignment>> AssignmentsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await (from a in context.TagAssignments
                          join t in context.Tags on a.TagKey equals t.Key
                          orderby a.FromUnixMs
                          select new { t.DeviceId, a.OffenderId, a.FromUnixMs, a.ToUnixMs }).ToListAsync(cancellationToken);
        return rows.Select(r => new TagAssignment(
            TagId.Parse(r.DeviceId),
            new OffenderId(r.OffenderId),
            Instant.FromUnixTimeMilliseconds(r.FromUnixMs),
            r.ToUnixMs is { } to ? Instant.FromUnixTimeMilliseconds(to) : null)).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TagAssignment>> MonitoredAssignmentsAsync(CancellationToken cancellationToken = default)
    {
        var worn = await AssignmentsAsync(cancellationToken);
        await using var context = database.CreateContext();
        var periods = (await context.Offenders.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.ToOffender().MonitoringPeriod);
        var monitored = new List<TagAssignment>(worn.Count);
        foreach (var assignment in worn)
        {
            if (periods.TryGetValue(assignment.Offender.Value, out var period) && assignment.Within(period) is { } inside)
            {
                monitored.Add(inside);
            }
        }

        return monitored;
    }
}
