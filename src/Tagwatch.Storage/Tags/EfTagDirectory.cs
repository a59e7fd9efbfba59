using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Storage.Correlation;
using Tagwatch.Storage.Model;
using Tagwatch.Storage.Offenders;

namespace Tagwatch.Storage.Tags;

/// <summary>The device registry on the relational store.</summary>
public sealed class EfTagDirectory(IRelationalDatabase database, TimeProvider clock) : ITagDirectory
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
        var rows = await context.Tags.OrderBy(t => EF.Functions.Collate(t.DeviceId, context.BytewiseCollation)).ToListAsync(cancellationToken);
        return rows.Select(r => new Tag(TagId.Parse(r.DeviceId), r.Protocol, r.Model)).ToList();
    }

    /// <inheritdoc />
    public Task AssignAsync(TagId tag, OffenderId offender, Instant from, CancellationToken cancellationToken = default) =>
        FitAsync(tag, offender, from, correction: false, cancellationToken);

    /// <inheritdoc />
    public Task CorrectAssignmentAsync(TagId tag, OffenderId offender, Instant from, CancellationToken cancellationToken = default) =>
        FitAsync(tag, offender, from, correction: true, cancellationToken);

    private async Task FitAsync(TagId tag, OffenderId offender, Instant from, bool correction, CancellationToken cancellationToken)
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

        // The tag's wearing periods and the person's, read in the transaction that records the fitting: the rules are
        // kept against what is stored, whoever else is fitting tags.
        var periods = await (from a in context.TagAssignments
                             join t in context.Tags on a.TagKey equals t.Key
                             where a.TagKey == row.Key || a.OffenderId == offender.Value
                             select new { Row = a, t.DeviceId }).ToListAsync(cancellationToken);
        var history = periods.Select(p => ToAssignment(p.DeviceId, p.Row)).ToList();
        var plan = WearingRules.Plan(tag, offender, from, history);
        if (plan.Refusal is { } overlap)
        {
            throw new Core.NotAllowedNowException(overlap);
        }

        long fromMs = from.ToUnixTimeMilliseconds();
        foreach (var period in periods.Where(p => plan.Ended.Contains(ToAssignment(p.DeviceId, p.Row))))
        {
            period.Row.ToUnixMs = fromMs;
        }

        context.TagAssignments.Add(new TagAssignmentRow { TagKey = row.Key, OffenderId = offender.Value, FromUnixMs = fromMs });
        if (correction)
        {
            // Whose fixes are whose changed from the fitting on: the crimes of that span are checked again.
            long nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
            EfPendingCorrelationStore.QueueSpan(context, "assignment correction", fromMs, Math.Max(fromMs, nowMs), nowMs);
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task EndAssignmentAsync(TagId tag, Instant at, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var row = await context.Tags.SingleOrDefaultAsync(t => t.DeviceId == tag.Value, cancellationToken)
            ?? throw new KeyNotFoundException($"Tag {tag} is not registered.");
        var open = await context.TagAssignments.SingleOrDefaultAsync(a => a.TagKey == row.Key && a.ToUnixMs == null, cancellationToken)
            ?? throw new Core.NotAllowedNowException($"Tag {tag} is worn by nobody.");
        long atMs = at.ToUnixTimeMilliseconds();
        if (open.FromUnixMs >= atMs)
        {
            throw new Core.NotAllowedNowException($"Tag {tag} is worn from {Instant.FromUnixTimeMilliseconds(open.FromUnixMs)}; it cannot come off at {at}.");
        }

        open.ToUnixMs = atMs;
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

    private static TagAssignment ToAssignment(string deviceId, TagAssignmentRow row) => new(
        TagId.Parse(deviceId),
        new OffenderId(row.OffenderId),
        Instant.FromUnixTimeMilliseconds(row.FromUnixMs),
        row.ToUnixMs is { } to ? Instant.FromUnixTimeMilliseconds(to) : null);

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
