using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Metrics;

/// <summary>
/// <c>/metrics</c> answers only a scraper that sends the configured token (<see cref="ServerOptions.MetricsToken"/>) as
/// <c>Authorization: Bearer …</c>. Its figures are exact operational counts (open alerts by kind, matches by state),
/// which the evaluator's report publishes only with small cells suppressed, so they are not for anyone who can reach
/// the port. With no token configured the endpoint is off (404).
/// </summary>
internal static class MetricsAccess
{
    public const string Path = "/metrics";

    public static IApplicationBuilder UseMetricsAccess(this IApplicationBuilder app, ServerOptions options) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase) && !Allowed(http.Request, options.MetricsToken))
        {
            if (options.MetricsToken.Length == 0)
            {
                await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                    detail: "Metrics are off: set Tagwatch:Server:MetricsToken and scrape with that bearer token.").ExecuteAsync(http);
            }
            else
            {
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
                await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Scrape token required",
                    detail: "Send the configured metrics token as 'Authorization: Bearer …'.").ExecuteAsync(http);
            }

            return;
        }

        await next(http);
    });

    private static bool Allowed(HttpRequest request, string token) =>
        token.Length > 0
        && ApiTokenAuthenticationHandler.BearerSecret(request) is { } presented
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
