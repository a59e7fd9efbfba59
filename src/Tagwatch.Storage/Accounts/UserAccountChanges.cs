using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;

namespace Tagwatch.Storage.Accounts;

/// <summary>Makes approved (or approval-free) account changes on the account store.</summary>
public sealed class UserAccountChanges(IUserAccounts accounts) : IAccountChanges
{
    /// <inheritdoc />
    public async Task<AccountChangeResult> ApplyAsync(AccountChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        switch (change.Kind)
        {
            case AccountChangeKind.CreateUser:
                var role = change.Role ?? throw new ArgumentException("a new account needs a role", nameof(change));
                var (account, oneTime) = await accounts.CreateAsync(new NewUser(change.Username, role, change.Boroughs ?? [], change.Caseload ?? [], change.DisplayName), null, cancellationToken);
                return new AccountChangeResult(AccountDescriptions.Of("created", account), oneTime);
            case AccountChangeKind.ReplaceCaseload:
                await accounts.ReplaceCaseloadAsync(change.Username, change.Caseload ?? [], cancellationToken);
                return new AccountChangeResult(AccountDescriptions.Of("caseload replaced", await accounts.GetAsync(change.Username, cancellationToken)), null);
            case AccountChangeKind.ChangeRole:
                await accounts.ChangeRoleAsync(change.Username, change.Role ?? throw new ArgumentException("a role change needs a role", nameof(change)), change.Boroughs ?? [], cancellationToken);
                var changed = await accounts.GetAsync(change.Username, cancellationToken);
                return new AccountChangeResult(AccountDescriptions.Of("role changed", changed), null);
            default:
                string password = await accounts.ResetPasswordAsync(change.Username, cancellationToken);
                return new AccountChangeResult(AccountDescriptions.Of("password reset", await accounts.GetAsync(change.Username, cancellationToken)), password);
        }
    }

    /// <inheritdoc />
    public async Task CheckAsync(AccountChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind == AccountChangeKind.CreateUser)
        {
            if ((await accounts.ListAsync(cancellationToken: cancellationToken)).Any(a => string.Equals(a.Username, change.Username, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"user '{change.Username}' already exists", nameof(change));
            }

            await accounts.CheckScopeAsync(change.Role ?? Role.Evaluator, change.Boroughs ?? [], change.Caseload ?? [], cancellationToken);
            return;
        }

        var account = await accounts.GetAsync(change.Username, cancellationToken); // unknown: KeyNotFoundException
        if (change.Kind == AccountChangeKind.ReplaceCaseload)
        {
            await accounts.CheckScopeAsync(account.Role, account.Boroughs, change.Caseload ?? [], cancellationToken);
        }
        else if (change.Kind == AccountChangeKind.ChangeRole && change.Role is { } role)
        {
            await accounts.CheckScopeAsync(role, change.Boroughs ?? [], role == Role.ProbationOfficer ? account.Caseload : [], cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<int> CountAdministratorsAsync(CancellationToken cancellationToken = default) =>
        (await accounts.ListAsync(cancellationToken: cancellationToken)).Count(a => a.Role == Role.Administrator && !a.Disabled);
}
