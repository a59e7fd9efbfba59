using System.Net;
using System.Net.Http.Json;
using OtpNet;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Server.Tests;

/// <summary>A second-factor seed stored in plain text by an earlier version is encrypted when the server starts, and its codes still sign in.</summary>
public sealed class SecondFactorSeedTests
{
    private const string Password = "correct horse battery staple";
    private const string PlainSeed = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    [Fact]
    public async Task A_plain_seed_is_encrypted_at_start_up_and_signing_in_with_its_code_still_works()
    {
        string? userId = null;
        await using var server = await RunningServer.StartAsync(beforeStart: async services =>
        {
            var (account, _) = await services.Accounts.CreateAsync(new NewUser("sam.police", Role.Police, ["Lambeth"], []), Password);
            userId = account.Id;
            await using var connection = await services.Sqlite.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO user_tokens (UserId, LoginProvider, Name, Value) VALUES ($id, '[AspNetUserStore]', 'AuthenticatorKey', $seed);"
                + "UPDATE users SET TwoFactorEnabled = 1 WHERE Id = $id;";
            command.Parameters.AddWithValue("$id", account.Id);
            command.Parameters.AddWithValue("$seed", PlainSeed);
            await command.ExecuteNonQueryAsync();
        });

        await using (var connection = await server.Services.Sqlite.OpenConnectionAsync())
        {
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT Value FROM user_tokens WHERE UserId = $id AND Name = 'AuthenticatorKey'";
            read.Parameters.AddWithValue("$id", userId);
            string stored = (string)(await read.ExecuteScalarAsync())!;
            Assert.DoesNotContain(PlainSeed, stored, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith(AuthenticatorKeyStore.ProtectedPrefix, stored, StringComparison.Ordinal);
        }

        var phone = new Totp(Base32Encoding.ToBytes(PlainSeed));
        using var withoutCode = await server.Api.PostAsJsonAsync("/api/v1/session", new { username = "sam.police", password = Password });
        using var withCode = await server.Api.PostAsJsonAsync("/api/v1/session", new { username = "sam.police", password = Password, code = phone.ComputeTotp() });

        Assert.Contains("second_factor_required", await withoutCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }
}
