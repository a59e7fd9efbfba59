using Microsoft.AspNetCore.Builder;

namespace Tagwatch.Server.Security;

/// <summary>Headers on every response: no sniffing, no framing, no referrer, no caching of personal data, a strict CSP.</summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// The pages' policy: scripts, styles, fonts and data only from this server (no inline script or style at all, so an
    /// injected tag cannot run), images also from the configured map tile server, forms posting only here.
    /// </summary>
    private static string PagePolicy(string? tileOrigin) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{(tileOrigin is null ? "" : " " + tileOrigin)}; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The interactive API reference (Scalar) is a third-party page that needs inline script and style.</summary>
    private const string ApiReferencePolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? tileOrigin)
    {
        string pagePolicy = PagePolicy(tileOrigin);
        return app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "geolocation=(), camera=(), microphone=()";
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : pagePolicy;
            if (http.Request.Path.StartsWithSegments("/api") || Web.WebPaths.IsPage(http.Request))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        await next(http);
    });
    }
}
