using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Accounts;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Server.Security;

/// <summary>
/// Signed-in sessions: each has a record on the server (<see cref="UserAccounts.StartSessionAsync"/>) whose id its cookie
/// carries, so signing out ends it everywhere (a copied cookie stops working), and an absolute lifetime
/// (<see cref="ServerOptions.SessionLifetimeHours"/>) however active it is, on top of the sliding idle timeout.
/// </summary>
internal static class Sessions
{
    /// <summary>The claim holding the session's server-side id.</summary>
    public const string IdClaim = "tagwatch:session";

    /// <summary>The claim holding when the session began (Unix milliseconds).</summary>
    public const string StartedClaim = "tagwatch:session_started";

    /// <summary>Records a new session for an account that just proved who it is, and returns the principal for its cookie.</summary>
    public static async Task<ClaimsPrincipal> StartAsync(HttpContext http, string userId, bool mustChangePassword)
    {
        var services = http.RequestServices;
        var accounts = services.GetRequiredService<IAccountSignIn>();
        var lifetime = TimeSpan.FromHours(services.GetRequiredService<ServerOptions>().SessionLifetimeHours);
        string id = await accounts.StartSessionAsync(userId, lifetime, http.RequestAborted);
        string? stamp = await accounts.SecurityStampAsync(userId, http.RequestAborted);
        return Principal(userId, stamp, id, services.GetRequiredService<TimeProvider>().GetUtcNow(), mustChangePassword);
    }

    /// <summary>Starts a session and sets its cookie.</summary>
    public static async Task SignInAsync(HttpContext http, string userId, bool mustChangePassword)
    {
        var principal = await StartAsync(http, userId, mustChangePassword);
        await http.SignInAsync(AuthenticationSetup.SessionScheme, principal);
        http.User = principal;
    }

    /// <summary>
    /// Re-issues the caller's own cookie on the account's current security stamp, keeping the session's id and start:
    /// a change of one's own password or second factor renews the stamp to end every other session, not this one.
    /// Does nothing for a token caller.
    /// </summary>
    public static async Task RenewAsync(HttpContext http)
    {
        if (!IsSession(http.User) || http.User.FindFirstValue(IdClaim) is not { } id || Started(http.User) is not { } started)
        {
            return;
        }

        string userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        string? stamp = await http.RequestServices.GetRequiredService<IAccountSignIn>().SecurityStampAsync(userId, http.RequestAborted);
        var principal = Principal(userId, stamp, id, started, mustChangePassword: false);
        await http.SignInAsync(AuthenticationSetup.SessionScheme, principal);
        http.User = principal;
    }

    /// <summary>Signs out: the session's record is deleted on the server, then its cookie.</summary>
    public static async Task EndAsync(HttpContext http)
    {
        if (IsSession(http.User) && http.User.FindFirstValue(IdClaim) is { } id)
        {
            string userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
            await http.RequestServices.GetRequiredService<IAccountSignIn>().EndSessionAsync(userId, id, http.RequestAborted);
        }

        await http.SignOutAsync(AuthenticationSetup.SessionScheme);
    }

    /// <summary>
    /// Whether a session principal still stands: within its absolute lifetime, its record on the server, its account
    /// enabled and on the security stamp it began with. Asked on every request, and again by long-lived answers.
    /// </summary>
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IServiceProvider services, CancellationToken cancellationToken)
    {
        string? userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var lifetime = TimeSpan.FromHours(services.GetRequiredService<ServerOptions>().SessionLifetimeHours);
        if (userId is null || Started(principal) is not { } started || services.GetRequiredService<TimeProvider>().GetUtcNow() - started >= lifetime)
        {
            return false;
        }

        return await services.GetRequiredService<IAccountSignIn>().IsSessionCurrentAsync(
            userId, principal.FindFirstValue(IdClaim), principal.FindFirstValue(AuthenticationSetup.StampClaim), cancellationToken);
    }

    /// <summary>Whether the principal came from a session cookie (not a token).</summary>
    public static bool IsSession(ClaimsPrincipal principal) => principal.Identity?.AuthenticationType == AuthenticationSetup.SessionScheme;

    private static ClaimsPrincipal Principal(string userId, string? stamp, string sessionId, DateTimeOffset started, bool mustChangePassword)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId),
            new(AuthenticationSetup.StampClaim, stamp ?? ""),
            new(ClaimTypes.AuthenticationMethod, "password"),
            new(IdClaim, sessionId),
            new(StartedClaim, started.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        };
        if (mustChangePassword)
        {
            claims.Add(new Claim(AuthenticationSetup.MustChangePasswordClaim, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationSetup.SessionScheme));
    }

    private static DateTimeOffset? Started(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(StartedClaim), NumberStyles.None, CultureInfo.InvariantCulture, out long ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
