using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Monitoring;

/// <summary>The alerts the actor may see (<see cref="AlertVisibility"/>), newest first, optionally only in some states; audited.</summary>
public sealed class ListAlerts(IAlertStore alerts, AlertVisibility visibility, IAuditLog audit)
{
    /// <summary>The most alerts one list holds.</summary>
    public const int MaxLimit = 5_000;

    /// <summary>A list's length when none is asked for.</summary>
    public const int DefaultLimit = 500;

    public async Task<UseCaseResult<AlertList>> ExecuteAsync(Actor actor, ListAlertsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ViewAlerts))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ViewAlerts)}.");
        }

        if (request.Limit is < 1 or > MaxLimit)
        {
            return UseCaseFailure.Invalid("limit", $"{request.Limit} is not between 1 and {MaxLimit}");
        }

        var references = await visibility.ReferencesAsync(cancellationToken);
        var states = request.States is { Count: > 0 } wanted ? wanted : null;
        var seen = (await alerts.ListAsync(states, request.Limit ?? DefaultLimit, cancellationToken))
            .Select(a => new SeenAlert(a, a.Offender is { } id && references.TryGetValue(id, out var reference) ? reference : null))
            .Where(a => AlertVisibility.CanSee(actor, a.Offender))
            .ToList();
        string only = states is null ? "" : $" ({string.Join(", ", states.Select(s => s.ToString().ToLowerInvariant()))})";
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ViewAlerts, "alert", null, $"{seen.Count} alerts{only}"), cancellationToken);
        return new AlertList(seen);
    }
}
