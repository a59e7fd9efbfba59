using Microsoft.Data.Sqlite;
using OtpNet;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Storage.Tests.Accounts;

/// <summary>Second-factor seeds are kept encrypted with the data-protection keys beside the database, never as the base32 seed.</summary>
public sealed class AuthenticatorKeyProtectionTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task A_new_seed_is_stored_encrypted_and_its_codes_still_sign_in()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var accounts = UserAccounts.Create(db.Sqlite, db.Clock);
        var (account, _) = await accounts.CreateAsync(new NewUser("sam.police", Role.Police, ["Lambeth"], []), Password);

        string key = await accounts.ResetAuthenticatorKeyAsync(account.Id);
        var phone = new Totp(Base32Encoding.ToBytes(key));
        Assert.True(await accounts.ConfirmAuthenticatorAsync(account.Id, phone.ComputeTotp()));

        string stored = await StoredSeedAsync(db.Path, account.Id);
        Assert.DoesNotContain(key, stored, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith(AuthenticatorKeyStore.ProtectedPrefix, stored, StringComparison.Ordinal);
        Assert.Equal(SignInOutcome.Succeeded, (await accounts.CheckSignInAsync("sam.police", Password, phone.ComputeTotp())).Outcome);

        // Another process on the same database (the server after the console, or a restart) reads it with the same keys.
        var restarted = UserAccounts.Create(await db.ReopenAsync(), db.Clock);
        Assert.Equal(SignInOutcome.Succeeded, (await restarted.CheckSignInAsync("sam.police", Password, phone.ComputeTotp())).Outcome);
    }

    [Fact]
    public async Task A_plain_seed_stored_by_an_earlier_version_is_encrypted_at_start_up_and_its_codes_still_sign_in()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var accounts = UserAccounts.Create(db.Sqlite, db.Clock);
        var (account, _) = await accounts.CreateAsync(new NewUser("sam.police", Role.Police, ["Lambeth"], []), Password);
        const string plainSeed = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        await ExecuteAsync(db.Path,
            $"INSERT INTO user_tokens (UserId, LoginProvider, Name, Value) VALUES ('{account.Id}', '[AspNetUserStore]', 'AuthenticatorKey', '{plainSeed}');"
            + $"UPDATE users SET TwoFactorEnabled = 1 WHERE Id = '{account.Id}';");
        var phone = new Totp(Base32Encoding.ToBytes(plainSeed));

        Assert.Equal(1, await accounts.ProtectStoredAuthenticatorKeysAsync());

        string stored = await StoredSeedAsync(db.Path, account.Id);
        Assert.DoesNotContain(plainSeed, stored, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(SignInOutcome.Succeeded, (await accounts.CheckSignInAsync("sam.police", Password, phone.ComputeTotp())).Outcome);
        Assert.Equal(0, await accounts.ProtectStoredAuthenticatorKeysAsync());
    }

    [Fact]
    public async Task A_plain_seed_is_encrypted_on_first_use_too()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var accounts = UserAccounts.Create(db.Sqlite, db.Clock);
        var (account, _) = await accounts.CreateAsync(new NewUser("sam.police", Role.Police, ["Lambeth"], []), Password);
        const string plainSeed = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
        await ExecuteAsync(db.Path,
            $"INSERT INTO user_tokens (UserId, LoginProvider, Name, Value) VALUES ('{account.Id}', '[AspNetUserStore]', 'AuthenticatorKey', '{plainSeed}');"
            + $"UPDATE users SET TwoFactorEnabled = 1 WHERE Id = '{account.Id}';");
        var phone = new Totp(Base32Encoding.ToBytes(plainSeed));

        Assert.Equal(SignInOutcome.Succeeded, (await accounts.CheckSignInAsync("sam.police", Password, phone.ComputeTotp())).Outcome);

        Assert.StartsWith(AuthenticatorKeyStore.ProtectedPrefix, await StoredSeedAsync(db.Path, account.Id), StringComparison.Ordinal);
    }

    private static async Task<string> StoredSeedAsync(string path, string userId)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Value FROM user_tokens WHERE UserId = $id AND Name = 'AuthenticatorKey'";
        command.Parameters.AddWithValue("$id", userId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
