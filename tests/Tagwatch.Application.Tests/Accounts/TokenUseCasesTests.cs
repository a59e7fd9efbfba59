using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tests.Accounts;

public sealed class TokenUseCasesTests
{
    private static readonly Actor Admin = Actor.Unscoped("ada", Role.Administrator);

    [Fact]
    public async Task Create_OwnToken_IsAuditedWithoutTheSecret_AndListedForItsOwner()
    {
        await using var host = await UseCaseHost.StartAsync();
        var pat = await AddUserAsync(host, "pat.police", Role.Police, ["E09000022"]);

        var created = await host.Get<CreateToken>().ExecuteAsync(pat, new CreateTokenRequest("laptop", 30), CancellationToken.None);
        var listed = await host.Get<ListTokens>().ExecuteAsync(pat, new ListTokensRequest("pat.police"), CancellationToken.None);

        Assert.Equal("laptop", Assert.Single(listed.Value).Name);
        var record = Assert.Single(await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ChangeUsers)));
        Assert.Equal(("pat.police", "Police", "user", "pat.police"), (record.Event.Actor, record.Event.ActorRole, record.Event.SubjectType, record.Event.SubjectId));
        Assert.StartsWith($"token {created.Value.Token.Id} 'laptop' created, expires ", record.Event.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Value.Secret, record.Event.Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "laptop", "days")]
    [InlineData(367, "laptop", "days")]
    [InlineData(30, " ", "name")]
    public async Task Create_WithABadLifetimeOrNoName_IsInvalidNamingTheField(int days, string name, string field)
    {
        await using var host = await UseCaseHost.StartAsync();
        var pat = await AddUserAsync(host, "pat.police", Role.Police, ["E09000022"]);

        var result = await host.Get<CreateToken>().ExecuteAsync(pat, new CreateTokenRequest(name, days), CancellationToken.None);

        Assert.Equal(field, result.Failure?.Field);
    }

    [Fact]
    public async Task OthersTokens_AreForbiddenToCreateOrList_AndNotFoundToRevoke_ForAnyoneButAnAdministrator()
    {
        await using var host = await UseCaseHost.StartAsync();
        var pat = await AddUserAsync(host, "pat.police", Role.Police, ["E09000022"]);
        var eve = await AddUserAsync(host, "eve.evaluator", Role.Evaluator, []);
        var token = (await host.Get<CreateToken>().ExecuteAsync(pat, new CreateTokenRequest("laptop"), CancellationToken.None)).Value.Token;

        Assert.Equal(FailureKind.Forbidden, (await host.Get<CreateToken>().ExecuteAsync(eve, new CreateTokenRequest("x", Username: "pat.police"), CancellationToken.None)).Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, (await host.Get<ListTokens>().ExecuteAsync(eve, new ListTokensRequest(null), CancellationToken.None)).Failure?.Kind);
        Assert.Equal(FailureKind.NotFound, (await host.Get<RevokeToken>().ExecuteAsync(eve, new RevokeTokenRequest(token.Id), CancellationToken.None)).Failure?.Kind);
        Assert.True((await host.Get<RevokeToken>().ExecuteAsync(Admin, new RevokeTokenRequest(token.Id), CancellationToken.None)).Succeeded);
        Assert.NotNull(Assert.Single((await host.Get<ListTokens>().ExecuteAsync(Admin, new ListTokensRequest(null), CancellationToken.None)).Value).Revoked);
        var revoked = (await host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ChangeUsers)))[^1];
        Assert.Equal(new AuditEvent("ada", "Administrator", AuditActions.ChangeUsers, "token", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "token revoked"), revoked.Event);
    }

    [Fact]
    public async Task Create_ForAnUnknownAccount_IsNotFound()
    {
        await using var host = await UseCaseHost.StartAsync();

        var result = await host.Get<CreateToken>().ExecuteAsync(Admin, new CreateTokenRequest("laptop", Username: "nobody"), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
    }

    private static async Task<Actor> AddUserAsync(UseCaseHost host, string name, Role role, IReadOnlyList<string> boroughs)
    {
        await host.Get<IUserAccounts>().CreateAsync(new NewUser(name, role, boroughs, []), "a long enough passphrase 1");
        return new Actor(name, role, boroughs.ToHashSet(StringComparer.Ordinal), new HashSet<string>());
    }
}
