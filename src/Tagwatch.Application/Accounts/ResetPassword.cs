using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>
/// An administrator replaces an account's password with a one-time password, which unlocks it and ends its sessions
/// and tokens. Resetting someone else's password waits for a second administrator (whoever holds the one-time
/// password can sign in as them); audited when made.
/// </summary>
public sealed class ResetPassword(IUserAccounts accounts, AccountChangeSubmitter submitter)
{
    public async Task<UseCaseResult<AccountChangeOutcome>> ExecuteAsync(Actor actor, UserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (AccountAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        if ((await accounts.ListAsync(request.Username, cancellationToken)) is not [var account])
        {
            return UseCaseFailure.NotFound($"There is no user '{request.Username}'.");
        }

        return await submitter.SubmitAsync(actor, new AccountChange(AccountChangeKind.ResetPassword, account.Username), cancellationToken);
    }
}
