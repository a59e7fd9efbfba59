using Microsoft.AspNetCore.Http;

namespace Tagwatch.Server.Web;

/// <summary>Which requests are the web application's pages (a person in a browser) rather than the API or a machine's endpoint.</summary>
internal static class WebPaths
{
    public const string SignIn = "/sign-in";
    public const string ChangePassword = "/sign-in/password";
    public const string SignOut = "/sign-out";

    private static readonly string[] MachinePrefixes = ["/api", "/health", "/metrics", "/openapi", "/scalar", "/assets"];

    /// <summary>Whether the request is for a page: anything not under the API, health, metrics, OpenAPI or asset paths.</summary>
    public static bool IsPage(HttpRequest request) =>
        !MachinePrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The sign-in page's address that comes back to <paramref name="returnUrl"/> (a local path) afterwards.</summary>
    public static string SignInReturningTo(string? returnUrl, bool expired) =>
        SignIn + "?returnUrl=" + Uri.EscapeDataString(LocalOrHome(returnUrl)) + (expired ? "&expired=1" : "");

    /// <summary>A local path to go back to, or the start page: never another site (no open redirect).</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            ? returnUrl
            : "/";
}
