using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>The account <paramref name="Username"/>.</summary>
public sealed record UserRequest(string Username);

/// <summary>
/// An administrator disables or re-enables an account; disabling ends its sessions and revokes its tokens at once.
/// Audited with the account as it is after the change. <see cref="DisableUser"/> and <see cref="EnableUser"/> name the steps.
/// </summary>
public abstract class SetUserAccess(IUserAccounts accounts, IAuditLog audit)
{
    /// <summary>Whether the step disables the account.</summary>
    protected abstract bool Disable { get; }

    public async Task<UseCaseResult<UserAccount>> ExecuteAsync(Actor actor, UserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (AccountAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        try
        {
            await accounts.SetDisabledAsync(request.Username, Disable, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return UseCaseFailure.NotFound($"There is no user '{request.Username}'.");
        }

        var account = await accounts.GetAsync(request.Username, cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeUsers, "user", account.Username,
            AccountDescriptions.Of(Disable ? "disabled" : "enabled", account)), cancellationToken);
        return account;
    }
}

/// <summary>An administrator disables an account: its sessions end and its tokens are revoked.</summary>
public sealed class DisableUser(IUserAccounts accounts, IAuditLog audit) : SetUserAccess(accounts, audit)
{
    protected override bool Disable => true;
}

/// <summary>An administrator re-enables an account; its owner signs in again and makes new tokens.</summary>
public sealed class EnableUser(IUserAccounts accounts, IAuditLog audit) : SetUserAccess(accounts, audit)
{
    protected override bool Disable => false;
}
