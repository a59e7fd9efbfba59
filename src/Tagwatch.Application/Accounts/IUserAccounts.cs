using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>Accounts: who may sign in, in which role and scope, and administrators' changes to them.</summary>
public interface IUserAccounts
{
    /// <summary>Creates an account. Without <paramref name="password"/> a one-time password is generated, returned, and must be changed at first sign-in.</summary>
    /// <exception cref="ArgumentException">The name, role scope or password breaks a rule; the message says which.</exception>
    Task<(UserAccount Account, string? OneTimePassword)> CreateAsync(NewUser request, string? password = null, CancellationToken cancellationToken = default);

    /// <summary>One account by name.</summary>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    Task<UserAccount> GetAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Every account (or the named one), by name.</summary>
    Task<IReadOnlyList<UserAccount>> ListAsync(string? username = null, CancellationToken cancellationToken = default);

    /// <summary>The actor an authenticated account acts as, read fresh; null when the account is unknown or disabled.</summary>
    Task<Actor?> ActorAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Changes one's own password (clears the must-change flag, ends other sessions).</summary>
    Task ChangePasswordAsync(string userId, string current, string replacement, CancellationToken cancellationToken = default);

    /// <summary>Replaces a password with a new one-time password (returned), unlocks the account and ends its sessions.</summary>
    Task<string> ResetPasswordAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>
    /// Disables (or re-enables) an account; disabling ends its sessions and revokes its tokens at once, so re-enabling
    /// it later revives neither: its owner signs in again and makes new tokens.
    /// </summary>
    Task SetDisabledAsync(string username, bool disabled, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives an account another role and scope (boroughs for police; a probation officer's caseload is kept only while
    /// the role stays probation). Its sessions end, so nothing signed in keeps the old role.
    /// </summary>
    Task ChangeRoleAsync(string username, Role role, IReadOnlyList<string> boroughs, CancellationToken cancellationToken = default);

    /// <summary>Replaces a probation officer's caseload.</summary>
    Task ReplaceCaseloadAsync(string username, IReadOnlyList<string> caseload, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a role's scope as <see cref="IUserAccounts.CreateAsync"/> and the other changes would (boroughs of police, a caseload of
    /// known people for probation only), without changing anything: a change waiting for approval is refused at once
    /// when it could never be made.
    /// </summary>
    /// <exception cref="ArgumentException">The scope breaks a rule; the message says which.</exception>
    Task CheckScopeAsync(Role role, IReadOnlyList<string> boroughs, IReadOnlyList<string> caseload, CancellationToken cancellationToken = default);
}
