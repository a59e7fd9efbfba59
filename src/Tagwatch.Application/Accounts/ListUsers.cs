using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>Every account, or only <paramref name="Username"/>'s.</summary>
public sealed record ListUsersRequest(string? Username = null);

/// <summary>An administrator lists accounts with their role, scope and state (never a password or secret).</summary>
public sealed class ListUsers(IUserAccounts accounts)
{
    public async Task<UseCaseResult<IReadOnlyList<UserAccount>>> ExecuteAsync(Actor actor, ListUsersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (AccountAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        return UseCaseResult<IReadOnlyList<UserAccount>>.Ok(await accounts.ListAsync(request.Username, cancellationToken));
    }
}
