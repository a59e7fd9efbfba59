using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Accounts;

/// <summary>
/// Accounts, their scope (boroughs, caseload), credentials checks and personal API tokens, on ASP.NET Core Identity.
/// Every method works in its own scope, so one instance serves the whole process.
/// </summary>
public sealed class UserAccounts(IServiceScopeFactory scopes, IRelationalDatabase database, TimeProvider clock) : IUserAccounts, IApiTokens, IAccountSignIn
{
    /// <summary>Prefix of personal API tokens, so a leaked one is recognisable (and never confused with a device credential).</summary>
    public const string TokenPrefix = "twp_";

    /// <summary>The longest a token may live.</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(366);

    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    // Sessions are kept in Identity's per-account token table (user_tokens) under their own provider name: one row per
    // signed-in session, keyed by a random id the session cookie carries.
    private const string SessionProvider = "tagwatch:session";

    /// <summary>Accounts on <paramref name="database"/> for a process without its own container (the command line).</summary>
    public static UserAccounts Create(TagwatchDatabase database, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddTagwatchIdentity(database);
        return new UserAccounts(services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), database, clock);
    }

    /// <summary>Creates an account. Without <paramref name="password"/> a one-time password is generated, returned, and must be changed at first sign-in.</summary>
    /// <exception cref="ArgumentException">The name, role scope or password breaks a rule; the message says which.</exception>
    public async Task<(UserAccount Account, string? OneTimePassword)> CreateAsync(NewUser request, string? password = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var boroughs = ValidateScope(request.Role, request.Boroughs, request.Caseload);
        await EnsureOffendersExistAsync(request.Caseload, cancellationToken);
        string? oneTime = password is null ? NewOneTimePassword() : null;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserRow>>();
        var user = new UserRow
        {
            UserName = request.Username,
            Role = request.Role.ToString(),
            Boroughs = string.Join(',', boroughs),
            DisplayName = request.DisplayName,
            MustChangePassword = oneTime is not null,
            CreatedUnixMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        Check(await users.CreateAsync(user, password ?? oneTime!), $"user '{request.Username}'");
        await SetCaseloadAsync(user.Id, request.Caseload, cancellationToken);
        return (await GetAsync(request.Username, cancellationToken), oneTime);
    }

    /// <summary>One account by name.</summary>
    /// <exception cref="KeyNotFoundException">There is no such account.</exception>
    public async Task<UserAccount> GetAsync(string username, CancellationToken cancellationToken = default) =>
        (await ListAsync(username, cancellationToken)).SingleOrDefault() ?? throw new KeyNotFoundException($"There is no user '{username}'.");

    /// <summary>Every account (or the named one), by name.</summary>
    public async Task<IReadOnlyList<UserAccount>> ListAsync(string? username = null, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var query = context.Users.AsNoTracking();
        if (username is not null)
        {
            string normalized = username.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName == normalized);
        }

        var users = await query.OrderBy(u => EF.Functions.Collate(u.UserName, context.BytewiseCollation)).ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var caseloads = (await context.Caseloads.AsNoTracking().Where(c => ids.Contains(c.UserId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.UserId, c => c.OffenderReference);
        // Identity 10 sets lockout ends from the system clock (TimeProvider support arrives in Identity 11), so compare with it.
        long now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        return users.Select(u => new UserAccount(
            u.Id, u.UserName!, Enum.Parse<Role>(u.Role), SplitBoroughs(u.Boroughs), caseloads[u.Id].Order(StringComparer.Ordinal).ToList(), u.DisplayName,
            u.Disabled, u.LockoutEnd is { } end && end.ToUnixTimeMilliseconds() > now, u.TwoFactorEnabled, u.MustChangePassword,
            Instant.FromUnixTimeMilliseconds(u.CreatedUnixMs))).ToList();
    }

    /// <summary>The actor an authenticated account acts as, read fresh; null when the account is unknown or disabled.</summary>
    public async Task<Actor?> ActorAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var user = await context.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || user.Disabled)
        {
            return null;
        }

        var caseload = await context.Caseloads.AsNoTracking().Where(c => c.UserId == userId).Select(c => c.OffenderReference).ToListAsync(cancellationToken);
        return new Actor(user.UserName!, Enum.Parse<Role>(user.Role), SplitBoroughs(user.Boroughs).ToHashSet(StringComparer.Ordinal), caseload.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Checks a password (and a TOTP code when the account has a second factor), counting failures towards lockout.</summary>
    public async Task<(SignInOutcome Outcome, string? UserId, string? SecurityStamp)> CheckSignInAsync(string username, string password, string? totpCode, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserRow>>();
        var user = await users.FindByNameAsync(username);
        if (user is null)
        {
            // Hash anyway so an unknown name takes as long as a wrong password.
            users.PasswordHasher.HashPassword(new UserRow { Role = nameof(Role.Evaluator) }, password);
            return (SignInOutcome.Failed, null, null);
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Hash here too, so a locked account answers as slowly as an unknown name or a wrong password.
            users.PasswordHasher.HashPassword(user, password);
            return (SignInOutcome.LockedOut, null, null);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return (await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.Failed, null, null);
        }

        if (user.Disabled)
        {
            return (SignInOutcome.Disabled, null, null);
        }

        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(totpCode))
            {
                return (SignInOutcome.SecondFactorRequired, null, null);
            }

            if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, totpCode.Replace(" ", "", StringComparison.Ordinal)))
            {
                await users.AccessFailedAsync(user);
                return (await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.Failed, null, null);
            }
        }

        await users.ResetAccessFailedCountAsync(user);
        return (SignInOutcome.Succeeded, user.Id, user.SecurityStamp);
    }

    /// <summary>
    /// Records a new signed-in session of <paramref name="userId"/> on the server and returns its id (for the session
    /// cookie). The account's sessions that began more than <paramref name="lifetime"/> ago are deleted on the way.
    /// </summary>
    public async Task<string> StartSessionAsync(string userId, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        string id = Base64Url(RandomNumberGenerator.GetBytes(16));
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        string expired = (now - (long)lifetime.TotalMilliseconds).ToString("D13", System.Globalization.CultureInfo.InvariantCulture);
        await using var context = database.CreateContext();
        // Values are zero-padded start times, so they compare as text; sessions older than the lifetime are dead anyway.
        context.UserTokens.RemoveRange(context.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == SessionProvider && string.Compare(t.Value, expired) < 0));
        context.UserTokens.Add(new IdentityUserToken<string>
        {
            UserId = userId, LoginProvider = SessionProvider, Name = id, Value = now.ToString("D13", System.Globalization.CultureInfo.InvariantCulture),
        });
        await context.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Whether a signed-in session still stands: its record is on the server (not signed out), the account is enabled,
    /// and its security stamp is the one the session began with (a reset, disable or password change ends sessions).
    /// </summary>
    public async Task<bool> IsSessionCurrentAsync(string userId, string? sessionId, string? stamp, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.SecurityStamp == stamp && !u.Disabled, cancellationToken)
            && await context.UserTokens.AsNoTracking().AnyAsync(t => t.UserId == userId && t.LoginProvider == SessionProvider && t.Name == sessionId, cancellationToken);
    }

    /// <summary>Ends one session on the server (signing out): its cookie, even copied elsewhere, no longer works.</summary>
    public async Task EndSessionAsync(string userId, string sessionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        await context.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == SessionProvider && t.Name == sessionId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>An account's current security stamp.</summary>
    public async Task<string?> SecurityStampAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Changes one's own password (clears the must-change flag, ends other sessions).</summary>
    public async Task ChangePasswordAsync(string userId, string current, string replacement, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserRow>>();
        var user = await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException($"There is no user {userId}.");
        Check(await users.ChangePasswordAsync(user, current, replacement), "password");
        user.MustChangePassword = false;
        Check(await users.UpdateAsync(user), "password");
    }

    /// <summary>Replaces a password with a new one-time password (returned), unlocks the account and ends its sessions.</summary>
    public async Task<string> ResetPasswordAsync(string username, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserRow>>();
        var user = await users.FindByNameAsync(username) ?? throw new KeyNotFoundException($"There is no user '{username}'.");
        string oneTime = NewOneTimePassword();
        Check(await users.RemovePasswordAsync(user), "password");
        Check(await users.AddPasswordAsync(user, oneTime), "password");
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user), "password");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await EndSessionsAndTokensAsync(user.Id, cancellationToken);
        return oneTime;
    }

    /// <summary>
    /// Disables (or re-enables) an account; disabling ends its sessions and revokes its tokens at once, so re-enabling
    /// it later revives neither: its owner signs in again and makes new tokens.
    /// </summary>
    public async Task SetDisabledAsync(string username, bool disabled, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserRow>>();
        var user = await users.FindByNameAsync(username) ?? throw new KeyNotFoundException($"There is no user '{username}'.");
        user.Disabled = disabled;
        Check(await users.UpdateAsync(user), $"user '{username}'");
        await users.UpdateSecurityStampAsync(user);
        if (disabled)
        {
            await EndSessionsAndTokensAsync(user.Id, cancellationToken);
        }
    }

    /// <summary>
    /// Gives an account another role and scope (boroughs for police; a probation officer's caseload is kept only while
    /// the role stays probation). Its sessions end, so nothing signed in keeps the old role.
    /// </summary>
    public async Task ChangeRoleAsync(string username, Role role, IReadOnlyList<string> boroughs, CancellationToken cancellationToken = default)
    {
        var account = await GetAsync(username, cancellationToken);
        var codes = ValidateScope(role, boroughs, role == Role.ProbationOfficer ? account.Caseload : []);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserRow>>();
        var user = (await users.FindByNameAsync(username))!;
        user.Role = role.ToString();
        user.Boroughs = string.Join(',', codes);
        Check(await users.UpdateAsync(user), $"user '{username}'");
        await users.UpdateSecurityStampAsync(user);
        await EndSessionsAsync(user.Id, cancellationToken);
        if (role != Role.ProbationOfficer)
        {
            await SetCaseloadAsync(user.Id, [], cancellationToken);
        }
    }

    /// <summary>Replaces a probation officer's caseload.</summary>
    public async Task ReplaceCaseloadAsync(string username, IReadOnlyList<string> caseload, CancellationToken cancellationToken = default)
    {
        var account = await GetAsync(username, cancellationToken);
        ValidateScope(account.Role, account.Boroughs, caseload);
        await EnsureOffendersExistAsync(caseload, cancellationToken);
        await SetCaseloadAsync(account.Id, caseload, cancellationToken);
    }

    /// <summary>Starts enrolling a TOTP authenticator: a new key (base32) to show as a QR code or type in.</summary>
    public async Task<string> ResetAuthenticatorKeyAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserRow>>();
        var user = await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException($"There is no user {userId}.");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>Turns the second factor on once the user proves the authenticator works; false when the code is wrong.</summary>
    public async Task<bool> ConfirmAuthenticatorAsync(string userId, string code, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserRow>>();
        var user = await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException($"There is no user {userId}.");
        if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code.Replace(" ", "", StringComparison.Ordinal)))
        {
            return false;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        return true;
    }

    /// <summary>Encrypts every second-factor seed still stored in plain text by an earlier version; returns how many.</summary>
    public async Task<int> ProtectStoredAuthenticatorKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<AuthenticatorKeyStore>();
        var context = scope.ServiceProvider.GetRequiredService<TagwatchDbContext>();
        var holders = await context.UserTokens.Where(t => t.Name == "AuthenticatorKey" && !t.Value!.StartsWith(AuthenticatorKeyStore.ProtectedPrefix))
            .Select(t => t.UserId).Distinct().ToListAsync(cancellationToken);
        int protectedNow = 0;
        foreach (string userId in holders)
        {
            var user = await context.Users.SingleAsync(u => u.Id == userId, cancellationToken);
            protectedNow += await store.ProtectIfPlainAsync(user, cancellationToken) ? 1 : 0;
        }

        return protectedNow;
    }

    /// <summary>Creates a personal API token for <paramref name="username"/>; the secret is returned once and only its hash kept.</summary>
    public async Task<(ApiTokenInfo Token, string Secret)> CreateTokenAsync(string username, string name, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (lifetime <= TimeSpan.Zero || lifetime > MaxTokenLifetime)
        {
            throw new ArgumentException($"A token lives between a minute and {MaxTokenLifetime.TotalDays} days; {lifetime} was asked.", nameof(lifetime));
        }

        var account = await GetAsync(username, cancellationToken);
        string secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        await using var context = database.CreateContext();
        var row = new ApiTokenRow
        {
            UserId = account.Id,
            Name = name,
            SecretHash = HashSecret(secret),
            CreatedUnixMs = now.ToUnixTimeMilliseconds(),
            ExpiresUnixMs = (now + lifetime).ToUnixTimeMilliseconds(),
        };
        context.ApiTokens.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        return (ToInfo(row, account.Username), secret);
    }

    /// <summary>Tokens of one account, or of all.</summary>
    public async Task<IReadOnlyList<ApiTokenInfo>> ListTokensAsync(string? username = null, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await (from t in context.ApiTokens.AsNoTracking()
                          join u in context.Users.AsNoTracking() on t.UserId equals u.Id
                          select new { t, u.UserName }).ToListAsync(cancellationToken);
        return rows.Where(r => username is null || string.Equals(r.UserName, username, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.t.Id).Select(r => ToInfo(r.t, r.UserName!)).ToList();
    }

    /// <summary>Revokes a token; <paramref name="owner"/> limits it to that account's tokens. False when there is no such token.</summary>
    public async Task<bool> RevokeTokenAsync(long id, string? owner = null, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (row is null || (owner is not null && (await GetAsync(owner, cancellationToken)).Id != row.UserId))
        {
            return false;
        }

        row.RevokedUnixMs ??= clock.GetUtcNow().ToUnixTimeMilliseconds();
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The account a presented token acts for; null when unknown, revoked, expired, or its account disabled.</summary>
    public async Task<string?> ResolveTokenAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        string hash = HashSecret(secret);
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var context = database.CreateContext();
        var row = await context.ApiTokens.SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        if (row is null || row.RevokedUnixMs is not null || row.ExpiresUnixMs <= now
            || !await context.Users.AnyAsync(u => u.Id == row.UserId && !u.Disabled, cancellationToken))
        {
            return null;
        }

        if (row.LastUsedUnixMs is null || now - row.LastUsedUnixMs > 60_000)
        {
            row.LastUsedUnixMs = now;
            await context.SaveChangesAsync(cancellationToken);
        }

        return row.UserId;
    }

    /// <summary>A reset or a disabled account ends everything that acted for it: sessions and personal tokens.</summary>
    private async Task EndSessionsAndTokensAsync(string userId, CancellationToken cancellationToken)
    {
        await EndSessionsAsync(userId, cancellationToken);
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var context = database.CreateContext();
        await context.ApiTokens.Where(t => t.UserId == userId && t.RevokedUnixMs == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedUnixMs, now), cancellationToken);
    }

    private async Task EndSessionsAsync(string userId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        await context.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == SessionProvider).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Checks a role's scope as <see cref="CreateAsync"/> and the other changes would (boroughs of police, a caseload of
    /// known people for probation only), without changing anything: a change waiting for approval is refused at once
    /// when it could never be made.
    /// </summary>
    /// <exception cref="ArgumentException">The scope breaks a rule; the message says which.</exception>
    public async Task CheckScopeAsync(Role role, IReadOnlyList<string> boroughs, IReadOnlyList<string> caseload, CancellationToken cancellationToken = default)
    {
        ValidateScope(role, boroughs, caseload);
        await EnsureOffendersExistAsync(caseload, cancellationToken);
    }

    // The scope rule is the application's (AccountScope), so every store applies the same one.
    private static IReadOnlyList<string> ValidateScope(Role role, IReadOnlyList<string> boroughs, IReadOnlyList<string> caseload) =>
        AccountScope.Check(role, boroughs, caseload, out var codes) is { } failure ? throw new ArgumentException(failure.Message, failure.Field) : codes;

    private async Task EnsureOffendersExistAsync(IReadOnlyList<string> caseload, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var known = await context.Offenders.AsNoTracking().Where(o => caseload.Contains(o.Reference)).Select(o => o.Reference).ToListAsync(cancellationToken);
        var unknown = caseload.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"No enrolled person has the reference {string.Join(", ", unknown)}.", nameof(caseload));
        }
    }

    private async Task SetCaseloadAsync(string userId, IReadOnlyList<string> caseload, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        context.Caseloads.RemoveRange(context.Caseloads.Where(c => c.UserId == userId));
        context.Caseloads.AddRange(caseload.Distinct(StringComparer.Ordinal).Select(r => new CaseloadRow { UserId = userId, OffenderReference = r }));
        await context.SaveChangesAsync(cancellationToken);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new ArgumentException($"{what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static string[] SplitBoroughs(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static string NewOneTimePassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 20);

    private static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static ApiTokenInfo ToInfo(ApiTokenRow row, string username) => new(
        row.Id, username, row.Name, Instant.FromUnixTimeMilliseconds(row.CreatedUnixMs), Instant.FromUnixTimeMilliseconds(row.ExpiresUnixMs),
        row.RevokedUnixMs is { } r ? Instant.FromUnixTimeMilliseconds(r) : null, row.LastUsedUnixMs is { } l ? Instant.FromUnixTimeMilliseconds(l) : null);
}
