using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tagwatch.Application.Retention;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;
using Tagwatch.Server.Security;
using Tagwatch.Storage;

namespace Tagwatch.Server.Api;

/// <summary>Retention for administrators: the policy, what is due now (counts only), legal holds.</summary>
internal static class RetentionApi
{
    public sealed record HoldRequest(string? Reason);

    public static void MapRetentionApi(this IEndpointRouteBuilder api)
    {
        var retention = api.MapGroup("/retention").WithTags("Retention").RequireAuthorization(nameof(Permission.ManageRetention));
        retention.MapGet("/", async (HttpContext http, RetentionRun run, TagwatchServices services) =>
        {
            var due = await run.RunAsync("-", "-", dryRun: true, http.RequestAborted);
            var holds = await services.RetentionStore.HoldsAsync(http.RequestAborted);
            return Results.Ok(new { policy = run.Policy, due, holds = holds.Select(Json) });
        }).WithName("GetRetention");
        retention.MapPut("/holds/{reference}", async (string reference, HoldRequest body, HttpContext http, RetentionRun run) =>
        {
            var actor = await http.RequiredActorAsync();
            if (!OffenderReference.TryParse(reference, out var parsed, out string? error))
            {
                return ApiProblems.Invalid("reference", error!);
            }

            if (string.IsNullOrWhiteSpace(body.Reason))
            {
                return ApiProblems.Invalid("reason", "a legal hold states why (e.g. the proceedings it preserves data for)");
            }

            return Results.Ok(Json(await run.PlaceHoldAsync(parsed.ToString(), body.Reason, actor.Username, actor.Role.ToString(), http.RequestAborted)));
        }).WithName("PlaceLegalHold");
        retention.MapDelete("/holds/{reference}", async (string reference, string? reason, HttpContext http, RetentionRun run) =>
        {
            var actor = await http.RequiredActorAsync();
            if (string.IsNullOrWhiteSpace(reason))
            {
                return ApiProblems.Invalid("reason", "lifting a legal hold states why (e.g. the proceedings have ended): send it as ?reason=…");
            }

            return await run.LiftHoldAsync(reference, reason, actor.Username, actor.Role.ToString(), http.RequestAborted)
                ? Results.NoContent()
                : ApiProblems.NotFound($"There is no standing legal hold on '{reference}'.");
        }).WithName("LiftLegalHold");
    }

    private static object Json(LegalHold h) => new
    {
        offender = h.OffenderReference, reason = h.Reason, placed = h.Placed.ToString(), placed_by = h.PlacedBy, lifted = h.Lifted?.ToString(), lifted_by = h.LiftedBy,
    };
}
