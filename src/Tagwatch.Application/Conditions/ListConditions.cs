using Tagwatch.Application.Audit;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Conditions;

/// <summary>
/// The conditions in force of one person, or of everyone on the actor's caseload. Zones can be victims' addresses, so
/// the list is a read of personal data, recorded with whose conditions it showed.
/// </summary>
public sealed class ListConditions(ConditionSubjects subjects, IOffenderStore offenders, IConditionStore conditions, IAuditLog audit)
{
    /// <summary>Lists the conditions; for a named person, not found or forbidden as for their record.</summary>
    public async Task<UseCaseResult<ConditionList>> ExecuteAsync(Actor actor, ListConditionsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        List<PersonCondition> shown;
        OffenderReference? subject = null;
        if (request.Reference is not null)
        {
            var found = await subjects.PersonAsync(actor, request.Reference, Permission.ViewOffenderRecords, cancellationToken);
            if (!found.Succeeded)
            {
                return found.Failure;
            }

            subject = found.Value.Reference;
            shown = [.. (await conditions.ActiveAsync(found.Value.Id, cancellationToken)).Select(c => new PersonCondition(found.Value.Reference, c))];
        }
        else
        {
            if (ConditionSubjects.Refusal(actor, Permission.ViewOffenderRecords) is { } refusal)
            {
                return refusal;
            }

            var covered = (await offenders.ListAsync(cancellationToken))
                .Where(o => AccessPolicy.CoversOffender(actor, o.Reference.ToString()))
                .ToDictionary(o => o.Id, o => o.Reference);
            shown = [.. (await conditions.ActiveAsync(null, cancellationToken))
                .Where(c => covered.ContainsKey(c.Offender))
                .Select(c => new PersonCondition(covered[c.Offender], c))];
        }

        var whose = shown.Select(c => c.Offender.ToString()).Distinct().Order(StringComparer.Ordinal);
        await ConditionAudit.AppendAsync(audit, actor, AuditActions.ViewRecord, subject, $"conditions in force ({shown.Count}) of {string.Join(",", whose)}", cancellationToken);
        return new ConditionList(shown);
    }
}
