using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;

namespace Tagwatch.Application.Monitoring;

/// <summary>The alerts the actor may see (<see cref="AlertVisibility"/>), newest first, optionally only in some states,
/// of some kinds or severities, or of people living in one borough; audited.</summary>
public sealed class ListAlerts(IAlertStore alerts, AlertVisibility visibility, BoroughMap boroughs, IAuditLog audit)
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

        string? boroughCode = null;
        if (request.Borough is { } borough)
        {
            if (boroughs.Find(borough) is not { } found)
            {
                return UseCaseFailure.Invalid("borough", $"'{borough}' is not a borough");
            }

            boroughCode = found.Code;
        }

        var references = await visibility.ReferencesAsync(cancellationToken);
        var homes = boroughCode is null ? null : await visibility.HomeBoroughsAsync(cancellationToken);
        var states = request.States is { Count: > 0 } wanted ? wanted : null;
        var seen = (await alerts.ListAsync(states, request.Limit ?? DefaultLimit, cancellationToken))
            .Where(a => request.Kinds is not { Count: > 0 } kinds || kinds.Contains(a.Type))
            .Where(a => request.Severities is not { Count: > 0 } severities || severities.Contains(a.Severity))
            .Where(a => homes is null || (a.Offender is { } id && homes.TryGetValue(id, out var home) && home == boroughCode))
            .Select(a => new SeenAlert(a, a.Offender is { } id && references.TryGetValue(id, out var reference) ? reference : null))
            .Where(a => AlertVisibility.CanSee(actor, a.Offender))
            .ToList();
        string only = states is null ? "" : $" ({string.Join(", ", states.Select(s => s.ToString().ToLowerInvariant()))})";
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ViewAlerts, "alert", null, $"{seen.Count} alerts{only}"), cancellationToken);
        return new AlertList(seen);
    }
}
