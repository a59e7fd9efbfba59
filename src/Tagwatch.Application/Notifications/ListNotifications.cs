using System.Globalization;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Notifications;

/// <summary>The record of notifications sent or failed, newest first, for the monitoring centre and administrators; audited.</summary>
public sealed class ListNotifications(INotificationStore notifications, IAuditLog audit)
{
    /// <summary>The most notifications one list holds.</summary>
    public const int MaxLimit = 5_000;

    /// <summary>A list's length when none is asked for.</summary>
    public const int DefaultLimit = 200;

    public async Task<UseCaseResult<NotificationList>> ExecuteAsync(Actor actor, ListNotificationsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ViewNotifications))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ViewNotifications)}.");
        }

        if (request.Limit is < 1 or > MaxLimit)
        {
            return UseCaseFailure.Invalid("limit", $"{request.Limit} is not between 1 and {MaxLimit}");
        }

        var list = await notifications.ListAsync(request.Limit ?? DefaultLimit, cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), NotificationAudit.View, "notification", null,
            $"{list.Count.ToString(CultureInfo.InvariantCulture)} notifications"), cancellationToken);
        return new NotificationList(list);
    }
}
