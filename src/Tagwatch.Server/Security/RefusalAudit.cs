using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Security;

/// <summary>
/// Records every refused request for personal data — a 403 or 404 answer from an offender, trail, export, alert,
/// live-position, match or search endpoint, whoever refused it (authorisation, a scope check, an unknown subject) — in
/// the audit log: who, what was asked, and why. One place for every endpoint, so a new endpoint cannot forget it.
/// </summary>
internal static class RefusalAudit
{
    /// <summary>The OpenAPI tags of the endpoints that hold personal or location data.</summary>
    private static readonly HashSet<string> PersonalDataTags = new(StringComparer.Ordinal) { "Offenders", "Monitoring", "Matches", "Searches" };

    private static readonly object ShownReasonKey = new();
    private static readonly object TrueReasonKey = new();

    /// <summary>Registers the record for requests to personal-data endpoints; it is written as the answer starts, before any byte leaves.</summary>
    public static IApplicationBuilder UseRefusalAudit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint() is { } endpoint && Tag(endpoint) is { } tag)
        {
            // What was asked is read now: a refused page is answered by re-running the request as the error page,
            // which changes its path and route values before the answer starts.
            var route = http.Request.RouteValues;
            string? subject = (route.GetValueOrDefault("reference") ?? route.GetValueOrDefault("id"))?.ToString();
            string subjectType = tag switch
            {
                "Offenders" => "offender",
                "Matches" => "match",
                "Searches" => "area",
                _ => route.ContainsKey("id") ? "alert" : "tag",
            };
            string asked = $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}";
            http.Response.OnStarting(() => RecordAsync(http, endpoint, subjectType, subject, asked));
        }

        await next(http);
    });

    /// <summary>Remembers the reason a problem answer gives (the ProblemDetails customiser calls this for every problem written).</summary>
    public static void RememberShownReason(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Detail is { } detail)
        {
            context.HttpContext.Items[ShownReasonKey] = detail;
        }
    }

    /// <summary>
    /// The real reason of a refusal that answers as if the subject did not exist (another borough's match looks unknown):
    /// the audit log records this instead of what the caller was told.
    /// </summary>
    public static void RecordRefusalReason(this HttpContext http, string reason) => http.Items[TrueReasonKey] = reason;

    private static string? Tag(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags).FirstOrDefault(PersonalDataTags.Contains);

    private static async Task RecordAsync(HttpContext http, Endpoint endpoint, string subjectType, string? subject, string asked)
    {
        int status = http.Response.StatusCode;
        if (status is not (StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound))
        {
            return;
        }

        var actor = await http.ActorAsync();
        string reason = http.Items[TrueReasonKey] as string
            ?? http.Items[ShownReasonKey] as string
            ?? MissingPermission(endpoint, actor)
            ?? (status == StatusCodes.Status403Forbidden ? "forbidden" : "not found");
        string? purpose = http.Request.Query["purpose"].FirstOrDefault();

        // Recorded even if the caller has gone: a refusal is recorded whether or not anyone reads the answer.
        await http.RequestServices.GetRequiredService<IAuditLog>().AppendAsync(
            new AuditEvent(actor?.Username ?? "-", actor?.Role.ToString() ?? "-", AuditActions.Refused, subjectType, subject, $"{status} {asked}: {reason}", purpose),
            CancellationToken.None);
    }

    /// <summary>"the Police role does not have ViewOffenderRecords" when authorisation refused the endpoint's permission.</summary>
    private static string? MissingPermission(Endpoint endpoint, Actor? actor)
    {
        if (actor is null)
        {
            return null;
        }

        var missing = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => Enum.TryParse<Permission>(a.Policy, out var p) ? p : (Permission?)null)
            .OfType<Permission>()
            .Where(p => !AccessPolicy.Allows(actor.Role, p))
            .ToList();
        return missing.Count == 0 ? null : $"the {actor.Role} role does not have {string.Join(", ", missing)}";
    }
}
