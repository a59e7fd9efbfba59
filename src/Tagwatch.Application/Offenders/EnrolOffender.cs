using NodaTime.Text;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Scheme;

namespace Tagwatch.Application.Offenders;

/// <summary>
/// Enrols a person under the scheme's rules (<see cref="OffenderService.EnrolAsync"/>); a probation officer who enrols
/// someone has them added to their caseload. A refusal by the scheme's rules is a result, not a failure: it lists every
/// rule that failed. Accepted or refused, the enrolment is audited.
/// </summary>
public sealed class EnrolOffender(OffenderService offenders, IOffenderStore store, IUserAccounts accounts, IAuditLog audit)
{
    public async Task<UseCaseResult<EnrolmentResult>> ExecuteAsync(Actor actor, EnrolOffenderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (OffenderAccess.Lacks(actor, Permission.ChangeOffenderRecords) is { } lacks)
        {
            return lacks;
        }

        var enrolment = request.Enrolment;
        if (Invalid(enrolment) is { } invalid)
        {
            return invalid;
        }

        if (request.Reference is { } chosen && await store.FindAsync(chosen, cancellationToken) is not null)
        {
            return UseCaseFailure.Conflict($"The reference {chosen} is already in use.");
        }

        var result = await offenders.EnrolAsync(enrolment, request.Reference, cancellationToken);
        string warned = result.LikelyDuplicates.Count == 0 ? "" : $"; warned: likely duplicate of {string.Join(", ", result.LikelyDuplicates)}";
        if (result.Offender is not { } offender)
        {
            await AuditAsync(actor, null, $"enrolment refused: {string.Join(", ", result.Decision.Refusals.Select(r => r.Rule))}{warned}", cancellationToken);
            return result;
        }

        string reference = offender.Reference.ToString();
        string caseload = "";
        if (actor.Role == Role.ProbationOfficer && !actor.CaseloadOfEveryone)
        {
            var account = await accounts.GetAsync(actor.Username, cancellationToken);
            await accounts.ReplaceCaseloadAsync(actor.Username, [.. account.Caseload, reference], cancellationToken);
            caseload = $"; added to {actor.Username}'s caseload";
        }

        var date = LocalDatePattern.Iso;
        await AuditAsync(actor, reference,
            $"enrolled; risk {enrolment.RiskTier}; licence {date.Format(enrolment.LicenceStart)}–{date.Format(enrolment.LicenceEnd)}{caseload}{warned}", cancellationToken);
        return result;
    }

    private static UseCaseFailure? Invalid(EnrolmentRequest enrolment) =>
        string.IsNullOrWhiteSpace(enrolment.Person.GivenName) ? UseCaseFailure.Invalid("given_name", "required")
        : string.IsNullOrWhiteSpace(enrolment.Person.FamilyName) ? UseCaseFailure.Invalid("family_name", "required")
        : enrolment.IndexOffences.Count == 0 ? UseCaseFailure.Invalid("index_offences", "at least one index offence is required")
        : null;

    private Task<AuditEntry> AuditAsync(Actor actor, string? reference, string data, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeRecord, "offender", reference, data), cancellationToken);
}
