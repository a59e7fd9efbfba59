using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Notifications;
using Tagwatch.Core.Alerts;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Notifications;

/// <summary>The record of notifications on the relational store; one row per alert, stage and recipient.</summary>
/// <remarks>Rows refer to their alert by <c>AlertId</c> and to the person by <c>OffenderReference</c>, so retention purges
/// them with the alert or the person.</remarks>
public sealed class EfNotificationStore(IRelationalDatabase database) : INotificationStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Notification>> ForAlertsAsync(IReadOnlyCollection<long> alertIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        await using var context = database.CreateContext();
        var found = new List<Notification>();
        // In slices, so a long list of open alerts never exceeds the database's parameter limit.
        foreach (var slice in alertIds.Distinct().Chunk(500))
        {
            var rows = await context.Notifications.AsNoTracking().Where(n => slice.Contains(n.AlertId)).ToListAsync(cancellationToken);
            found.AddRange(rows.Select(ToNotification));
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<Notification> RecordAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        string stage = notification.Stage.ToString();
        await using var context = database.CreateContext();
        var row = new NotificationRow
        {
            AlertId = notification.AlertId,
            Stage = stage,
            Recipient = notification.Recipient,
            RecipientUser = notification.RecipientUser,
            AlertType = notification.AlertType.Name,
            Severity = notification.Severity.ToString(),
            AlertRaisedUnixMs = notification.AlertRaised.ToUnixTimeMilliseconds(),
            OffenderReference = notification.OffenderReference,
            Status = notification.Status.ToString(),
            Attempts = notification.Attempts,
            RecordedUnixMs = notification.Recorded.ToUnixTimeMilliseconds(),
            LastAttemptUnixMs = notification.LastAttempt?.ToUnixTimeMilliseconds(),
            Error = notification.Error,
        };
        context.Notifications.Add(row);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return ToNotification(row);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsUniqueViolation(ex))
        {
            // Already recorded (unique alert, stage and recipient): the first record stands.
            await using var again = database.CreateContext();
            var existing = await again.Notifications.AsNoTracking()
                .SingleAsync(n => n.AlertId == notification.AlertId && n.Stage == stage && n.Recipient == notification.Recipient, cancellationToken);
            return ToNotification(existing);
        }
    }

    /// <inheritdoc />
    public async Task UpdateAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await using var context = database.CreateContext();
        var row = await context.Notifications.SingleOrDefaultAsync(n => n.Id == notification.Id, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no notification {notification.Id}.");
        row.Status = notification.Status.ToString();
        row.Attempts = notification.Attempts;
        row.LastAttemptUnixMs = notification.LastAttempt?.ToUnixTimeMilliseconds();
        row.Error = notification.Error;
        await context.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Notification>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.Notifications.AsNoTracking()
            .OrderByDescending(n => n.RecordedUnixMs).ThenByDescending(n => n.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToNotification)];
    }

    private static Notification ToNotification(NotificationRow row) => new(
        row.Id,
        row.AlertId,
        Enum.Parse<NotificationStage>(row.Stage),
        row.Recipient,
        row.RecipientUser,
        AlertKind.Parse(row.AlertType),
        Enum.Parse<AlertSeverity>(row.Severity),
        Instant.FromUnixTimeMilliseconds(row.AlertRaisedUnixMs),
        row.OffenderReference,
        Enum.Parse<NotificationStatus>(row.Status),
        row.Attempts,
        Instant.FromUnixTimeMilliseconds(row.RecordedUnixMs),
        row.LastAttemptUnixMs is { } last ? Instant.FromUnixTimeMilliseconds(last) : null,
        row.Error);
}
