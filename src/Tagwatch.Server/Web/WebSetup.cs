using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Tagwatch.Server.Web;

/// <summary>
/// The web application: Razor Pages (Web/Pages) on the same use cases, access policy, antiforgery and audit as the API,
/// and its built assets (Web/client → Web/wwwroot, embedded) under <c>/assets</c>.
/// </summary>
internal static class WebSetup
{
    /// <summary>Registers the pages: every page needs a signed-in user unless it says otherwise.</summary>
    public static void AddTagwatchWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            o.Conventions.AuthorizeFolder("/");
        })
        .ConfigureApplicationPartManager(parts =>
        {
            // Only this assembly's pages, whichever program hosts the server (the console, a test).
            parts.ApplicationParts.Clear();
            var assembly = typeof(WebSetup).Assembly;
            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
            {
                parts.ApplicationParts.Add(part);
            }
        });
        services.AddSingleton<WebMapSettings>();
    }

    /// <summary>Serves the built assets; they are public (the sign-in page needs them) and hold no data.</summary>
    public static IApplicationBuilder UseWebAssets(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = new ManifestEmbeddedFileProvider(typeof(WebSetup).Assembly, "Web/wwwroot"),
        // The map outlines are .geojson, a type the default list does not know (unknown types are not served).
        ContentTypeProvider = new FileExtensionContentTypeProvider { Mappings = { [".geojson"] = "application/geo+json" } },
        OnPrepareResponse = context =>
        {
            // Revalidated each time (the ETag makes that cheap): a new version of the server never meets a stale script.
            context.Context.Response.Headers.CacheControl = "no-cache";
        },
    });

    /// <summary>Status codes of page requests show a page (refused, not found); API answers keep their ProblemDetails.</summary>
    public static IApplicationBuilder UseStatusCodePagesForPagesAndApi(this IApplicationBuilder app)
    {
        app.UseWhen(http => WebPaths.IsPage(http.Request), page => page.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(http => !WebPaths.IsPage(http.Request), api => api.UseStatusCodePages());
        return app;
    }
}
