using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>Replace <paramref name="Username"/>'s caseload with <paramref name="Caseload"/> (offender references; empty empties it, null is not allowed).</summary>
public sealed record ChangeCaseloadRequest(string Username, IReadOnlyList<string>? Caseload);

/// <summary>
/// An administrator replaces a probation officer's caseload (whom they may see). A caseload grant waits for a second
/// administrator; audited when made.
/// </summary>
public sealed class ChangeCaseload(IUserAccounts accounts, AccountChangeSubmitter submitter)
{
    public async Task<UseCaseResult<AccountChangeOutcome>> ExecuteAsync(Actor actor, ChangeCaseloadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (AccountAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        if (request.Caseload is null)
        {
            // Missing is not empty: emptying a caseload is said with an empty list.
            return UseCaseFailure.Invalid("caseload", "required: the whole new caseload, [] to empty it");
        }

        // An unknown account is named now, not when a second administrator approves.
        if ((await accounts.ListAsync(request.Username, cancellationToken)) is not [var account])
        {
            return UseCaseFailure.NotFound($"There is no user '{request.Username}'.");
        }

        if (AccountScope.Check(account.Role, account.Boroughs, request.Caseload, out _) is { } scope)
        {
            return scope;
        }

        return await submitter.SubmitAsync(actor, new AccountChange(AccountChangeKind.ReplaceCaseload, account.Username, Caseload: request.Caseload), cancellationToken);
    }
}
