using System.Globalization;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Monitoring;

/// <summary>One alert the actor may see, with its evidence and trail; audited.</summary>
public sealed class ShowAlert(IAlertStore alerts, AlertVisibility visibility, IAuditLog audit)
{
    public async Task<UseCaseResult<AlertDetail>> ExecuteAsync(Actor actor, ShowAlertRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ViewAlerts))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ViewAlerts)}.");
        }

        if (await alerts.FindAsync(request.Id, cancellationToken) is not { } alert)
        {
            return UseCaseFailure.NotFound($"There is no alert {request.Id}.");
        }

        var reference = alert.Offender is { } id && (await visibility.ReferencesAsync(cancellationToken)).TryGetValue(id, out var found) ? found : (Core.Identity.OffenderReference?)null;
        if (!AlertVisibility.CanSee(actor, reference))
        {
            return UseCaseFailure.Forbidden($"Alert {request.Id} concerns someone not on your caseload.");
        }

        var history = await alerts.HistoryAsync(request.Id, cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ViewAlerts, "alert", request.Id.ToString(CultureInfo.InvariantCulture),
            "alert with evidence and trail"), cancellationToken);
        return new AlertDetail(alert, reference, history);
    }
}
