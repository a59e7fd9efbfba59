using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Monitoring;

/// <summary>The alerts the actor may see (<see cref="AlertVisibility"/>), newest first, optionally only in some states,
/// of some kinds or severities, of people living in one borough or of one person; audited.</summary>
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

        var people = await visibility.PeopleAsync(cancellationToken);
        var references = people.ToDictionary(o => o.Id, o => o.Reference);
        var wearers = AlertVisibility.VisibleWearers(actor, people);
        if (boroughCode is not null)
        {
            wearers = Narrow(wearers, people.Where(o => o.HomeBoroughCode == boroughCode).Select(o => o.Id));
        }

        if (request.Person is { } person)
        {
            if (people.FirstOrDefault(o => string.Equals(o.Reference.ToString(), person, StringComparison.OrdinalIgnoreCase)) is not { } wearer)
            {
                return UseCaseFailure.Invalid("person", $"'{person}' is not a person on record");
            }

            if (!AlertVisibility.CanSee(actor, wearer.Reference))
            {
                return UseCaseFailure.Forbidden($"{wearer.Reference} is not on your caseload.");
            }

            wearers = Narrow(wearers, [wearer.Id]);
        }

        var states = request.States is { Count: > 0 } wanted ? wanted : null;
        var query = new AlertQuery(states, request.Kinds, request.Severities, wearers, request.Limit ?? DefaultLimit);
        var seen = (await alerts.ListAsync(query, cancellationToken))
            .Select(a => new SeenAlert(a, a.Offender is { } id && references.TryGetValue(id, out var reference) ? reference : null))
            .Where(a => AlertVisibility.CanSee(actor, a.Offender))
            .ToList();
        string only = states is null ? "" : $" ({string.Join(", ", states.Select(s => s.ToString().ToLowerInvariant()))})";
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ViewAlerts, "alert", null, $"{seen.Count} alerts{only}"), cancellationToken);
        return new AlertList(seen);
    }

    private static HashSet<OffenderId> Narrow(IReadOnlyCollection<OffenderId>? wearers, IEnumerable<OffenderId> to) =>
        wearers is null ? [.. to] : [.. to.Where(wearers.Contains)];
}
