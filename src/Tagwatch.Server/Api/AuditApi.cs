using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>The auditor's view of the log: search, export (JSON lines with hashes) and chain verification; each use is itself logged.</summary>
internal static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(nameof(Permission.ReadAudit));
        audit.MapGet("/", SearchAsync).WithName("SearchAudit");
        audit.MapGet("/export", ExportAsync).WithName("ExportAudit");
        audit.MapGet("/verify", async (HttpContext http, IAuditLog log, ServerOptions options) =>
        {
            var actor = await http.RequiredActorAsync();
            var result = await log.VerifyAsync(retention: NodaTime.Duration.FromDays(options.Retention.AuditDays), cancellationToken: http.RequestAborted);
            await http.AuditAsync(actor, AuditActions.AuditVerify, "audit", null, $"{result.Entries} records; intact {result.Intact}");
            return Results.Ok(new { intact = result.Intact, entries = result.Entries, head_sequence = result.HeadSequence, head_hash = result.HeadHash, problems = result.Problems });
        }).WithName("VerifyAudit");
    }

    private static async Task<IResult> SearchAsync(HttpContext http, IAuditLog log, string? from, string? to, string? actor, string? action, string? subject, long? after, int? limit)
    {
        var me = await http.RequiredActorAsync();
        if (Parse(from, "from", out var problem) is var start && problem is not null)
        {
            return problem;
        }

        if (Parse(to, "to", out problem) is var end && problem is not null)
        {
            return problem;
        }

        var query = new AuditQuery(start, end, actor, action, subject, after ?? 0, Math.Clamp(limit ?? 500, 1, 5000));
        var entries = await log.SearchAsync(query, http.RequestAborted);
        await http.AuditAsync(me, AuditActions.AuditSearch, "audit", subject, $"{AuditExport.Describe(query)}; {entries.Count} records");
        return Results.Ok(entries.Select(AuditExport.ToJson));
    }

    private static async Task<IResult> ExportAsync(HttpContext http, IAuditLog log, string? from, string? to, string? actor, string? action, string? subject, string? purpose)
    {
        var me = await http.RequiredActorAsync();
        if (Parse(from, "from", out var problem) is var start && problem is not null)
        {
            return problem;
        }

        if (Parse(to, "to", out problem) is var end && problem is not null)
        {
            return problem;
        }

        var query = new AuditQuery(start, end, actor, action, subject, 0, 5000);
        await http.AuditAsync(me, AuditActions.AuditExport, "audit", subject, AuditExport.Describe(query), purpose);
        return Results.Stream(output => AuditExport.WriteJsonLinesAsync(log, query, output, http.RequestAborted), "application/x-ndjson", "audit.jsonl");
    }

    private static NodaTime.Instant? Parse(string? text, string field, out IResult? problem)
    {
        problem = null;
        if (text is null)
        {
            return null;
        }

        if (!ApiValues.TryInstant(text, out var instant))
        {
            problem = ApiProblems.Invalid(field, $"'{text}' is not an ISO-8601 UTC instant");
            return null;
        }

        return instant;
    }
}
