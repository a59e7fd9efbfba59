using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>
/// Puts a scope-widening change through <see cref="AccountApprovals"/> for the account use cases: made at once (and
/// audited as <see cref="AuditActions.ChangeUsers"/>), or recorded as waiting for a second administrator.
/// </summary>
public sealed class AccountChangeSubmitter(AccountApprovals approvals, IUserAccounts accounts, IAuditLog audit)
{
    /// <summary>Submits <paramref name="change"/> as <paramref name="actor"/>; the store's refusals become failures naming the field.</summary>
    public async Task<UseCaseResult<AccountChangeOutcome>> SubmitAsync(Actor actor, AccountChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        AccountChangeSubmission submission;
        try
        {
            submission = await approvals.SubmitAsync(change, actor.Username, actor.Role.ToString(), null, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return UseCaseFailure.NotFound($"There is no user '{change.Username}'.");
        }
        catch (ArgumentException e)
        {
            return AccountAccess.Invalid(e, "username");
        }

        if (submission.PendingId is { } id)
        {
            return new AccountChangeOutcome(null, null, new PendingApproval(id, change.Describe()));
        }

        var result = submission.Result!;
        var account = await accounts.GetAsync(change.Username, cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeUsers, "user", account.Username, result.Description), cancellationToken);
        return new AccountChangeOutcome(account, result.OneTimePassword, null);
    }
}
