using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Notifications;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Notifications;

/// <summary>Probation officers' opt-ins to their caseload's alert notices, one row per officer.</summary>
public sealed class EfCaseloadSubscriptions(IRelationalDatabase database) : ICaseloadSubscriptions
{
    /// <inheritdoc />
    public async Task<CaseloadSubscription?> FindAsync(string username, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.CaseloadSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Username == username, cancellationToken);
        return row is null ? null : ToSubscription(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CaseloadSubscription>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.CaseloadSubscriptions.AsNoTracking().OrderBy(s => EF.Functions.Collate(s.Username, context.BytewiseCollation)).ToListAsync(cancellationToken);
        return [.. rows.Select(ToSubscription)];
    }

    /// <inheritdoc />
    public async Task SaveAsync(CaseloadSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var context = database.CreateContext();
        var row = await context.CaseloadSubscriptions.SingleOrDefaultAsync(s => s.Username == subscription.Username, cancellationToken);
        if (row is null)
        {
            context.CaseloadSubscriptions.Add(new CaseloadSubscriptionRow
            {
                Username = subscription.Username, Email = subscription.Email, SinceUnixMs = subscription.Since.ToUnixTimeMilliseconds(),
            });
        }
        else
        {
            row.Email = subscription.Email;
            row.SinceUnixMs = subscription.Since.ToUnixTimeMilliseconds();
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string username, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.CaseloadSubscriptions.Where(s => s.Username == username).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private static CaseloadSubscription ToSubscription(CaseloadSubscriptionRow row) =>
        new(row.Username, row.Email, Instant.FromUnixTimeMilliseconds(row.SinceUnixMs));
}
