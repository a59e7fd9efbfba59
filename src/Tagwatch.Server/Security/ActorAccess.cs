using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Security;

/// <summary>The signed-in actor of a request, read fresh from the accounts (so role, scope and disabling apply at once).</summary>
internal static class ActorAccess
{
    private static readonly object Key = new();

    /// <summary>The request's actor, or null when anonymous or the account is disabled.</summary>
    public static async Task<Actor?> ActorAsync(this HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var cached))
        {
            return (Actor?)cached;
        }

        string? userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        Actor? actor = userId is null ? null : await http.RequestServices.GetRequiredService<IUserAccounts>().ActorAsync(userId, http.RequestAborted);
        http.Items[Key] = actor;
        return actor;
    }

    /// <summary>
    /// The request's actor read afresh, for answers that go on long after authorisation (the alert stream): null once
    /// its credentials no longer stand — a session signed out, past its lifetime or on an old stamp, a token revoked or
    /// expired — or the account is disabled. Role and scope are the account's current ones.
    /// </summary>
    public static async Task<Actor?> RecheckActorAsync(this HttpContext http, CancellationToken cancellationToken)
    {
        string? userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        var accounts = http.RequestServices.GetRequiredService<IUserAccounts>();
        var tokens = http.RequestServices.GetRequiredService<IApiTokens>();
        bool stands = http.User.Identity?.AuthenticationType switch
        {
            AuthenticationSetup.SessionScheme => await Sessions.IsCurrentAsync(http.User, http.RequestServices, cancellationToken),
            ApiTokenAuthenticationHandler.Scheme => ApiTokenAuthenticationHandler.BearerSecret(http.Request) is { } secret
                && await tokens.ResolveTokenAsync(secret, cancellationToken) == userId,
            _ => false,
        };
        return stands ? await accounts.ActorAsync(userId, cancellationToken) : null;
    }

    /// <summary>The actor of an endpoint that requires one (authorisation has already run).</summary>
    public static async Task<Actor> RequiredActorAsync(this HttpContext http) =>
        await http.ActorAsync() ?? throw new InvalidOperationException("An authorised request has no actor.");
}
