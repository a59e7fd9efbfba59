using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Core.Access;
using Tagwatch.Storage.Accounts;

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
        Actor? actor = userId is null ? null : await http.RequestServices.GetRequiredService<UserAccounts>().ActorAsync(userId, http.RequestAborted);
        http.Items[Key] = actor;
        return actor;
    }

    /// <summary>The actor of an endpoint that requires one (authorisation has already run).</summary>
    public static async Task<Actor> RequiredActorAsync(this HttpContext http) =>
        await http.ActorAsync() ?? throw new InvalidOperationException("An authorised request has no actor.");
}
