using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>The auditor's view of the log: search, export (JSON lines with hashes) and chain verification; each use is itself logged.</summary>
internal static class AuditApi
{
    /// <summary>One record as the auditor reads it: the fields of the export format (docs/audit.md).</summary>
    public sealed record AuditRecordResponse(
        long Sequence, Instant At, long AtUnixMs, string Actor, string Role, string Action, string SubjectType, string? Subject, string Data,
        string? Purpose, string? DisclosedTo, string PreviousHash, string Hash)
    {
        public static AuditRecordResponse From(AuditEntry e) => new(
            e.Sequence, e.At, e.At.ToUnixTimeMilliseconds(), e.Event.Actor, e.Event.ActorRole, e.Event.Action, e.Event.SubjectType, e.Event.SubjectId,
            e.Event.Data, e.Event.Purpose, e.Event.DisclosedTo, e.PreviousHash, e.Hash);
    }

    public static void MapAuditApi(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(nameof(Permission.ReadAudit));
        audit.MapGet("/", SearchAsync).WithName("SearchAudit");
        audit.MapGet("/export", ExportAsync).WithName("ExportAudit");
        audit.MapGet("/verify", VerifyAsync).WithName("VerifyAudit");
    }

    private static async Task<Results<Ok<AuditRecordResponse[]>, ProblemHttpResult>> SearchAsync(
        HttpContext http, SearchAudit search, string? from, string? to, string? actor, string? action, string? subject, long? after, int? limit)
    {
        var me = await http.RequiredActorAsync();
        if (Parse(from, "from", out var problem) is var start && problem is not null)
        {
            return UseCaseAnswers.Problem(problem);
        }

        if (Parse(to, "to", out problem) is var end && problem is not null)
        {
            return UseCaseAnswers.Problem(problem);
        }

        var result = await search.ExecuteAsync(me, new SearchAuditRequest(start, end, actor, action, subject, after ?? 0, limit ?? 500), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(result.Value.Select(AuditRecordResponse.From).ToArray()) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAsync(
        HttpContext http, ExportAudit export, string? from, string? to, string? actor, string? action, string? subject, string? purpose)
    {
        var me = await http.RequiredActorAsync();
        if (Parse(from, "from", out var problem) is var start && problem is not null)
        {
            return UseCaseAnswers.Problem(problem);
        }

        if (Parse(to, "to", out problem) is var end && problem is not null)
        {
            return UseCaseAnswers.Problem(problem);
        }

        // The endpoint's policy has already checked the permission, so once the stream starts the use case only writes and records.
        return TypedResults.Stream(
            output => export.ExecuteAsync(me, new ExportAuditRequest(output, start, end, actor, action, subject, purpose), http.RequestAborted),
            "application/x-ndjson", "audit.jsonl");
    }

    private static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> VerifyAsync(HttpContext http, VerifyAudit verify)
    {
        var actor = await http.RequiredActorAsync();
        var result = await verify.ExecuteAsync(actor, new VerifyAuditRequest(), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(result.Value) : UseCaseAnswers.Problem(result.Failure);
    }

    private static Instant? Parse(string? text, string field, out UseCaseFailure? problem)
    {
        problem = null;
        if (text is null)
        {
            return null;
        }

        if (!ApiValues.TryInstant(text, out var instant))
        {
            problem = UseCaseFailure.Invalid(field, $"'{text}' is not an ISO-8601 UTC instant");
            return null;
        }

        return instant;
    }
}
