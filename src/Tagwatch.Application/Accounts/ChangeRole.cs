using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>Give <paramref name="Username"/> <paramref name="Role"/>, with the boroughs a police account needs.</summary>
public sealed record ChangeRoleRequest(string Username, Role Role, IReadOnlyList<string> Boroughs);

/// <summary>
/// An administrator gives an account another role and scope; its sessions end. A role that reaches location data or
/// administers accounts waits for a second administrator. Audited when made.
/// </summary>
public sealed class ChangeRole(IUserAccounts accounts, AccountChangeSubmitter submitter)
{
    public async Task<UseCaseResult<AccountChangeOutcome>> ExecuteAsync(Actor actor, ChangeRoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (AccountAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        if (!Enum.IsDefined(request.Role))
        {
            return UseCaseFailure.Invalid("role", $"'{request.Role}' is not one of {string.Join(", ", Enum.GetNames<Role>())}");
        }

        // An unknown account is named now, not when a second administrator approves.
        if ((await accounts.ListAsync(request.Username, cancellationToken)) is not [var account])
        {
            return UseCaseFailure.NotFound($"There is no user '{request.Username}'.");
        }

        if (AccountScope.Check(request.Role, request.Boroughs, [], out _) is { } scope)
        {
            return scope;
        }

        return await submitter.SubmitAsync(actor, new AccountChange(AccountChangeKind.ChangeRole, account.Username, request.Role, request.Boroughs), cancellationToken);
    }
}
