using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tagwatch.Server.Security;

/// <summary>
/// Requests that change something and ride on the session cookie must carry the antiforgery token (header
/// <c>X-CSRF-TOKEN</c>, issued at sign-in and by <c>GET /api/v1/session</c>). Bearer-token requests carry no ambient
/// credential, so they need none. The cookie is also SameSite=Strict.
/// </summary>
internal static class CsrfProtection
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static IApplicationBuilder UseCsrfProtection(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        bool unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        bool byCookie = http.User.Identity?.IsAuthenticated == true && http.User.Identity.AuthenticationType != ApiTokenAuthenticationHandler.Scheme;
        if (unsafeMethod && byCookie)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token",
                    detail: $"Send the {HeaderName} header from GET /api/v1/session with requests that change data.").ExecuteAsync(http);
                return;
            }
        }

        await next(http);
    });
}
