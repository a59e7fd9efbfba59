using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Accounts;

/// <summary>
/// Identity's user store, keeping second-factor seeds encrypted with the data-protection keys (the key ring beside the
/// database) instead of as the base32 seed: a copy of the database alone no longer yields anyone's codes.
/// </summary>
/// <remarks>A seed stored in plain text by an earlier version is still read, and is encrypted on first use (and by
/// <see cref="UserAccounts.ProtectStoredAuthenticatorKeysAsync"/> at server start).</remarks>
public sealed class AuthenticatorKeyStore(TagwatchDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<UserRow, TagwatchDbContext>(context, describer)
{
    /// <summary>Marks a stored value as encrypted (a base32 seed never contains a colon).</summary>
    public const string ProtectedPrefix = "dp1:";

    private readonly IDataProtector _protector = protection.CreateProtector("Tagwatch.Accounts.AuthenticatorKey.v1");

    /// <inheritdoc />
    public override Task SetAuthenticatorKeyAsync(UserRow user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, ProtectedPrefix + _protector.Protect(key), cancellationToken);

    /// <inheritdoc />
    public override async Task<string?> GetAuthenticatorKeyAsync(UserRow user, CancellationToken cancellationToken)
    {
        string? stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        if (stored is null || stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal))
        {
            return stored is null ? null : _protector.Unprotect(stored[ProtectedPrefix.Length..]);
        }

        await ProtectPlainAsync(user, stored, cancellationToken);
        return stored;
    }

    /// <summary>Encrypts the user's seed if it is stored in plain text; true when it was.</summary>
    public async Task<bool> ProtectIfPlainAsync(UserRow user, CancellationToken cancellationToken)
    {
        string? stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        if (stored is null || stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        await ProtectPlainAsync(user, stored, cancellationToken);
        return true;
    }

    private async Task ProtectPlainAsync(UserRow user, string plain, CancellationToken cancellationToken)
    {
        await SetAuthenticatorKeyAsync(user, plain, cancellationToken);
        await Context.SaveChangesAsync(cancellationToken);
    }
}
