using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Monitoring;

/// <summary>Opens a live stream of alert changes (<see cref="AlertWatch"/>) for an actor allowed to view alerts; the opening is audited once.</summary>
public sealed class WatchAlerts(IAlertFeed feed, AlertVisibility visibility, IAuditLog audit)
{
    public async Task<UseCaseResult<AlertWatch>> ExecuteAsync(Actor actor, WatchAlertsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AlertWatch.MayWatch(actor))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ViewAlerts)}.");
        }

        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ViewAlerts, "alert", null, "live alert stream opened"), cancellationToken);
        return new AlertWatch(feed, visibility);
    }
}
