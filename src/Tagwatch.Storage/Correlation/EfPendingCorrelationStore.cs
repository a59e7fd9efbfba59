using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Correlation;

/// <summary>The durable queue of correlation work on the relational store (<c>correlation_pending</c>). The writers
/// that cause work add their entries in their own transactions (<see cref="QueueFixesSql"/> for the ingest commit,
/// <see cref="QueueCrimes"/>, <see cref="QueueSpan"/>); this reads and clears them.</summary>
public sealed class EfPendingCorrelationStore(IRelationalDatabase database) : IPendingCorrelationStore
{
    internal const string FixesCause = "fixes";
    internal const string CrimesCause = "crimes";

    /// <summary>The ingest commit's entry: its fixes' time span ($from, $to) queued at $queued.</summary>
    internal const string QueueFixesSql = "INSERT INTO correlation_pending (QueuedUnixMs, Cause, FromUnixMs, ToUnixMs) VALUES ($queued, 'fixes', $from, $to)";

    /// <inheritdoc />
    public async Task<PendingCrimes?> PendingCrimesAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.PendingCorrelation.AsNoTracking()
            .Where(p => p.Force != null)
            .Select(p => new { p.Id, p.Force, p.Reference })
            .ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : new PendingCrimes(
            rows.Max(r => r.Id),
            [.. rows.Select(r => (r.Force!, r.Reference!)).Distinct()]);
    }

    /// <inheritdoc />
    public async Task<PendingFixes?> PendingFixesAsync(CancellationToken cancellationToken = default)
    {
        // One row however many entries wait: a minute of live traffic queues one entry per group commit.
        await using var context = database.CreateContext();
        var span = await context.PendingCorrelation.AsNoTracking()
            .Where(p => p.FromUnixMs != null)
            .GroupBy(_ => 1)
            .Select(g => new { UpTo = g.Max(p => p.Id), FromMs = g.Min(p => p.FromUnixMs), ToMs = g.Max(p => p.ToUnixMs) })
            .FirstOrDefaultAsync(cancellationToken);
        return span is null ? null
            : new PendingFixes(span.UpTo, Instant.FromUnixTimeMilliseconds(span.FromMs!.Value), Instant.FromUnixTimeMilliseconds(span.ToMs!.Value));
    }

    /// <inheritdoc />
    public async Task CompleteCrimesAsync(long upTo, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        await context.PendingCorrelation.Where(p => p.Id <= upTo && p.Force != null).ExecuteDeleteAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task CompleteFixesAsync(long upTo, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        await context.PendingCorrelation.Where(p => p.Id <= upTo && p.FromUnixMs != null).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Adds an entry per crime to <paramref name="context"/>, to be saved in the caller's transaction.</summary>
    internal static void QueueCrimes(TagwatchDbContext context, IEnumerable<(string Force, string Reference)> crimes, long queuedUnixMs)
    {
        foreach (var (force, reference) in crimes)
        {
            context.PendingCorrelation.Add(new PendingCorrelationRow { QueuedUnixMs = queuedUnixMs, Cause = CrimesCause, Force = force, Reference = reference });
        }
    }

    /// <summary>Adds an entry for a span of fix times to <paramref name="context"/>, to be saved in the caller's transaction.</summary>
    internal static void QueueSpan(TagwatchDbContext context, string cause, long fromUnixMs, long toUnixMs, long queuedUnixMs) =>
        context.PendingCorrelation.Add(new PendingCorrelationRow { QueuedUnixMs = queuedUnixMs, Cause = cause, FromUnixMs = fromUnixMs, ToUnixMs = toUnixMs });
}
