using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Retention;
using Tagwatch.Core.Access;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>Retention for administrators: the policy, what is due now (counts only), legal holds.</summary>
internal static class RetentionApi
{
    public sealed record HoldRequest(string? Reason);

    /// <summary>A legal hold as listed: who is held, why, by whom, and whether it was lifted.</summary>
    public sealed record LegalHoldResponse(string Offender, string Reason, Instant Placed, string PlacedBy, Instant? Lifted, string? LiftedBy)
    {
        public static LegalHoldResponse From(LegalHold h) => new(h.OffenderReference, h.Reason, h.Placed, h.PlacedBy, h.Lifted, h.LiftedBy);
    }

    /// <summary>The policy in force, what it would delete now, and the holds that spare people from it.</summary>
    public sealed record RetentionOverview(RetentionPolicy Policy, RetentionCounts Due, IReadOnlyList<LegalHoldResponse> Holds);

    public static void MapRetentionApi(this IEndpointRouteBuilder api)
    {
        var retention = api.MapGroup("/retention").WithTags("Retention").RequireAuthorization(nameof(Permission.ManageRetention));
        retention.MapGet("/", OverviewAsync).WithName("GetRetention");
        retention.MapPut("/holds/{reference}", PlaceAsync).WithName("PlaceLegalHold");
        retention.MapDelete("/holds/{reference}", LiftAsync).WithName("LiftLegalHold");
    }

    private static async Task<Results<Ok<RetentionOverview>, ProblemHttpResult>> OverviewAsync(HttpContext http, RunRetention run, ListLegalHolds list)
    {
        var actor = await http.RequiredActorAsync();
        var due = await run.ExecuteAsync(actor, new RunRetentionRequest(DryRun: true), http.RequestAborted);
        if (!due.Succeeded)
        {
            return UseCaseAnswers.Problem(due.Failure);
        }

        var holds = await list.ExecuteAsync(actor, new ListLegalHoldsRequest(), http.RequestAborted);
        return holds.Succeeded
            ? TypedResults.Ok(new RetentionOverview(due.Value.Policy, due.Value.Counts, [.. holds.Value.Select(LegalHoldResponse.From)]))
            : UseCaseAnswers.Problem(holds.Failure);
    }

    private static async Task<Results<Ok<LegalHoldResponse>, ProblemHttpResult>> PlaceAsync(string reference, HoldRequest body, HttpContext http, PlaceLegalHold place)
    {
        var actor = await http.RequiredActorAsync();
        var result = await place.ExecuteAsync(actor, new PlaceLegalHoldRequest(reference, body.Reason), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(LegalHoldResponse.From(result.Value)) : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LiftAsync(string reference, string? reason, HttpContext http, LiftLegalHold lift)
    {
        var actor = await http.RequiredActorAsync();
        var result = await lift.ExecuteAsync(actor, new LiftLegalHoldRequest(reference, reason), http.RequestAborted);
        return result.Succeeded ? TypedResults.NoContent() : UseCaseAnswers.Problem(result.Failure);
    }
}
