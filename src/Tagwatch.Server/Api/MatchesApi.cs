using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Matches;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Matches;
using Tagwatch.Disclosure.Pdf;
using Tagwatch.Disclosure.Pdf.Maps;
using Tagwatch.Server.Api.Matches;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>
/// Matches: reviewers see all and qualify, dismiss or disclose them, and disclose amendments as supplements; police see
/// only matches disclosed to them (crimes in their boroughs), with the evidence as disclosed and the supplements, and
/// record outcomes. The rules are the use cases' (<see cref="MatchVisibility"/>); these endpoints translate in and out.
/// </summary>
internal static class MatchesApi
{
    public sealed record ReviewRequest(string? Reason);

    public sealed record OutcomeRequest(PoliceOutcome? Outcome, string? Note);

    public static void MapMatchesApi(this IEndpointRouteBuilder api)
    {
        var matches = api.MapGroup("/matches").WithTags("Matches").RequireAuthorization();
        matches.MapGet("/", ListAsync).WithName("ListMatches");
        matches.MapGet("/{id:long}", GetAsync).WithName("GetMatch");
        matches.MapPost("/{id:long}/qualify", (long id, ReviewRequest body, HttpContext http, QualifyMatch qualify) => DecideAsync(qualify, id, body, http))
            .RequireAuthorization(nameof(Permission.ReviewMatches)).WithName("QualifyMatch");
        matches.MapPost("/{id:long}/dismiss", (long id, ReviewRequest body, HttpContext http, DismissMatch dismiss) => DecideAsync(dismiss, id, body, http))
            .RequireAuthorization(nameof(Permission.ReviewMatches)).WithName("DismissMatch");
        matches.MapPost("/{id:long}/disclose", (long id, ReviewRequest body, HttpContext http, DiscloseMatch disclose) => DecideAsync(disclose, id, body, http))
            .RequireAuthorization(nameof(Permission.ReviewMatches)).WithName("DiscloseMatch");
        matches.MapPost("/{id:long}/amendments/{number:int}/disclose", DiscloseSupplementAsync).RequireAuthorization(nameof(Permission.ReviewMatches))
            .WithName("DiscloseMatchSupplement")
            .WithDescription("Discloses an amendment of a disclosed match (a later engine result) to the police who hold it, as a supplement; the match and its disclosed evidence stay as they were.");
        matches.MapGet("/{id:long}/disclosure-pack", PackAsync).WithName("GetDisclosurePack")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithDescription("The disclosure pack of a disclosed match as PDF: request, subject, map and table of points, gaps, witness statement, caveat.");
        matches.MapPost("/{id:long}/outcome", OutcomeAsync).RequireAuthorization(nameof(Permission.ReceiveMatches)).WithName("RecordMatchOutcome");
    }

    private static async Task<Results<Ok<IReadOnlyList<MatchSummaryResponse>>, ProblemHttpResult>> ListAsync(HttpContext http, ListMatches list, string? state, bool? significant)
    {
        var actor = await http.RequiredActorAsync();
        MatchState? only = null;
        if (state is not null)
        {
            if (!Enum.TryParse<MatchState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return UseCaseAnswers.Problem(UseCaseFailure.Invalid("state", $"'{state}' is not one of {string.Join(", ", Enum.GetNames<MatchState>().Select(n => n.ToLowerInvariant()))}"));
            }

            only = parsed;
        }

        var result = await list.ExecuteAsync(actor, new ListMatchesRequest(only, significant ?? false), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok<IReadOnlyList<MatchSummaryResponse>>(result.Value.Matches.Select(m => MatchSummaryResponse.From(m, result.Value.ShowAmendmentCounts)).ToList())
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<MatchDetailResponse>, ProblemHttpResult>> GetAsync(long id, HttpContext http, ShowMatch show, MatchVisibility visibility)
    {
        var actor = await http.RequiredActorAsync();
        var result = await show.ExecuteAsync(actor, new MatchRequest(id), http.RequestAborted);
        if (!result.Succeeded)
        {
            return await RefusedAsync(http, actor, id, result.Failure, visibility);
        }

        var (detail, reviews, amendments, showCounts) = result.Value;
        return TypedResults.Ok(new MatchDetailResponse(
            MatchSummaryResponse.From(detail.Match, showCounts), detail.HabitualPlace,
            MatchFactorsResponse.Read(detail.FactorsJson), EvidencePointResponse.Read(detail.EvidenceJson), MonitoringGapResponse.Read(detail.GapsJson),
            reviews.Select(MatchReviewResponse.Of).ToList(),
            detail.History.Select(h => new MatchHistoryResponse(Instant.FromUnixTimeMilliseconds(h.ReplacedUnixMs), h.Reason)).ToList(),
            amendments.Select(MatchAmendmentResponse.From).ToList()));
    }

    private static async Task<Results<Ok<MatchDecisionResponse>, ProblemHttpResult>> DecideAsync(ReviewMatch decide, long id, ReviewRequest body, HttpContext http)
    {
        var actor = await http.RequiredActorAsync();
        var result = await decide.ExecuteAsync(actor, new MatchDecisionRequest(id, body.Reason), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok(new MatchDecisionResponse(id, MatchWorkflow.Parse(result.Value.Entry.ToState), result.Value.Entry.DisclosedTo))
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<Ok<SupplementDisclosedResponse>, ProblemHttpResult>> DiscloseSupplementAsync(long id, int number, ReviewRequest body, HttpContext http, DiscloseSupplement disclose)
    {
        var actor = await http.RequiredActorAsync();
        var result = await disclose.ExecuteAsync(actor, new DiscloseSupplementRequest(id, number, body.Reason), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok(new SupplementDisclosedResponse(id, result.Value.Amendment.Number, result.Value.Amendment.Supplement?.DisclosedTo))
            : UseCaseAnswers.Problem(result.Failure);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> PackAsync(long id, HttpContext http, GetDisclosurePack getPack, MatchVisibility visibility, IMapTiles tiles)
    {
        var actor = await http.RequiredActorAsync();
        var result = await getPack.ExecuteAsync(actor, new MatchRequest(id), http.RequestAborted);
        if (!result.Succeeded)
        {
            return await RefusedAsync(http, actor, id, result.Failure, visibility);
        }

        var pack = result.Value;
        var pdf = new MemoryStream();
        await DisclosurePackPdf.RenderAsync(pack, pdf, tiles, http.RequestAborted);
        pdf.Position = 0;
        return TypedResults.File(pdf, "application/pdf", $"disclosure-{pack.Match.Force}-{pack.Match.CrimeReference}-{id}.pdf");
    }

    private static async Task<Results<Ok<OutcomeRecordedResponse>, ProblemHttpResult>> OutcomeAsync(long id, OutcomeRequest body, HttpContext http, RecordOutcome record, MatchVisibility visibility)
    {
        var actor = await http.RequiredActorAsync();
        if (body.Outcome is not { } outcome)
        {
            return UseCaseAnswers.Problem(UseCaseFailure.Invalid("outcome", "is required"));
        }

        var result = await record.ExecuteAsync(actor, new RecordOutcomeRequest(id, outcome, body.Note), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok(new OutcomeRecordedResponse(id, MatchWorkflow.Parse(result.Value.ToState), MatchNumbers.Outcome(result.Value.Outcome)))
            : await RefusedAsync(http, actor, id, result.Failure, visibility);
    }

    /// <summary>The failure's answer; for a hidden match (answered as unknown) the audit log keeps the true reason.</summary>
    private static async Task<ProblemHttpResult> RefusedAsync(HttpContext http, Actor actor, long id, UseCaseFailure failure, MatchVisibility visibility)
    {
        if (failure.Kind == FailureKind.NotFound && await visibility.HiddenReasonAsync(actor, id, http.RequestAborted) is { } reason)
        {
            http.RecordRefusalReason(reason);
        }

        return UseCaseAnswers.Problem(failure);
    }
}
