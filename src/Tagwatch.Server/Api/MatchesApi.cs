using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Disclosure;
using Tagwatch.Core.Access;
using Tagwatch.Core.Matches;
using Tagwatch.Disclosure.Pdf;
using Tagwatch.Server.Security;
using Tagwatch.Storage;

namespace Tagwatch.Server.Api;

/// <summary>
/// Matches: reviewers see all and qualify, dismiss or disclose them, and disclose amendments as supplements; police see
/// only matches disclosed to them (crimes in their boroughs), with the evidence as disclosed and the supplements, and
/// record outcomes. Any other match is, to police, indistinguishable from one that does not exist (404).
/// </summary>
internal static class MatchesApi
{
    public sealed record ReviewRequest(string? Reason);

    public sealed record OutcomeRequest(string? Outcome, string? Note);

    public static void MapMatchesApi(this IEndpointRouteBuilder api)
    {
        var matches = api.MapGroup("/matches").WithTags("Matches").RequireAuthorization();
        matches.MapGet("/", ListAsync).WithName("ListMatches");
        matches.MapGet("/{id:long}", GetAsync).WithName("GetMatch");
        matches.MapPost("/{id:long}/qualify", (long id, ReviewRequest body, HttpContext http, TagwatchServices services) =>
            ReviewAsync(id, MatchState.Qualified, body.Reason, http, services)).RequireAuthorization(nameof(Permission.ReviewMatches)).WithName("QualifyMatch");
        matches.MapPost("/{id:long}/dismiss", (long id, ReviewRequest body, HttpContext http, TagwatchServices services) =>
            ReviewAsync(id, MatchState.Dismissed, body.Reason, http, services)).RequireAuthorization(nameof(Permission.ReviewMatches)).WithName("DismissMatch");
        matches.MapPost("/{id:long}/disclose", (long id, ReviewRequest body, HttpContext http, TagwatchServices services) =>
            ReviewAsync(id, MatchState.Disclosed, body.Reason, http, services)).RequireAuthorization(nameof(Permission.ReviewMatches)).WithName("DiscloseMatch");
        matches.MapPost("/{id:long}/amendments/{number:int}/disclose", DiscloseSupplementAsync).RequireAuthorization(nameof(Permission.ReviewMatches))
            .WithName("DiscloseMatchSupplement")
            .WithDescription("Discloses an amendment of a disclosed match (a later engine result) to the police who hold it, as a supplement; the match and its disclosed evidence stay as they were.");
        matches.MapGet("/{id:long}/disclosure-pack", PackAsync).WithName("GetDisclosurePack")
            .WithDescription("The disclosure pack of a disclosed match as PDF: request, subject, map and table of points, gaps, witness statement, caveat.");
        matches.MapPost("/{id:long}/outcome", OutcomeAsync).RequireAuthorization(nameof(Permission.ReceiveMatches)).WithName("RecordMatchOutcome");
    }

    /// <summary>Whether the actor may see this match at all: reviewers every match; police only those disclosed to them
    /// (a qualified match is still the reviewer's judgement, not yet shared), of crimes in their boroughs.</summary>
    internal static bool CanSee(Actor actor, StoredMatch match) =>
        AccessPolicy.Allows(actor.Role, Permission.ReviewMatches)
        || (AccessPolicy.Allows(actor.Role, Permission.ReceiveMatches) && match.State == MatchWorkflow.Name(MatchState.Disclosed) && AccessPolicy.CoversBorough(actor, match.BoroughCode));

    /// <summary>The amendments the actor may see: reviewers all; police those disclosed to them as supplements.</summary>
    private static IEnumerable<MatchAmendment> VisibleAmendments(Actor actor, StoredMatchDetail detail) =>
        AccessPolicy.Allows(actor.Role, Permission.ReviewMatches) ? detail.Amendments : detail.Amendments.Where(a => a.Supplement is not null);

    private static bool MayUseMatches(Actor actor) =>
        AccessPolicy.Allows(actor.Role, Permission.ReviewMatches) || AccessPolicy.Allows(actor.Role, Permission.ReceiveMatches);

    private static async Task<IResult> ListAsync(HttpContext http, TagwatchServices services, string? state)
    {
        var actor = await http.RequiredActorAsync();
        if (!MayUseMatches(actor))
        {
            return Results.Forbid();
        }

        var visible = (await services.Matches.ListMatchesAsync(http.RequestAborted))
            .Where(m => CanSee(actor, m) && (state is null || string.Equals(m.State, state, StringComparison.OrdinalIgnoreCase))).ToList();
        await http.AuditAsync(actor, AuditActions.ListMatches, "match", null, $"{visible.Count} matches{(state is null ? "" : $" ({state})")}");
        return Results.Ok(visible.Select(m => Summary(m, actor)));
    }

    /// <summary>The request's actor and match <paramref name="id"/> when the actor may see it; otherwise the refusal: 403 for
    /// a role that has no matches at all, else 404, the same answer whether the match does not exist or is one the actor
    /// may not see, so a refusal reveals neither its existence, its state nor its borough.</summary>
    private static async Task<(Actor Actor, StoredMatchDetail Detail, IResult? Refusal)> VisibleMatchAsync(long id, HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        if (!MayUseMatches(actor))
        {
            return (actor, null!, Results.Forbid());
        }

        var detail = await services.Matches.GetMatchAsync(id, http.RequestAborted);
        if (detail is not null && CanSee(actor, detail.Match))
        {
            return (actor, detail, null);
        }

        if (detail is not null)
        {
            // The caller sees "no such match"; the audit log keeps why.
            http.RecordRefusalReason($"match {id} is {detail.Match.State}, of borough {detail.Match.BoroughCode ?? "unknown"}: not disclosed to this account");
        }

        return (actor, null!, ApiProblems.NotFound($"There is no match {id}."));
    }

    private static async Task<IResult> GetAsync(long id, HttpContext http, TagwatchServices services)
    {
        var (actor, detail, refusal) = await VisibleMatchAsync(id, http, services);
        if (refusal is not null)
        {
            return refusal;
        }

        var reviews = await services.Matches.ReviewsAsync(id, http.RequestAborted);
        await http.AuditAsync(actor, AuditActions.ViewMatch, "match", id.ToString(CultureInfo.InvariantCulture),
            $"match with evidence; crime {detail.Match.Force}/{detail.Match.CrimeReference}; subject {detail.Match.OffenderReference ?? detail.Match.Tag}");
        return Results.Ok(new
        {
            match = Summary(detail.Match, actor),
            habitual_place = detail.HabitualPlace,
            factors = JsonDocument.Parse(detail.FactorsJson).RootElement,
            evidence = JsonDocument.Parse(detail.EvidenceJson).RootElement,
            gaps = JsonDocument.Parse(detail.GapsJson).RootElement,
            reviews = reviews.Select(r => new { at = r.At.ToString(), actor = r.Actor, role = r.ActorRole, from = r.FromState, to = r.ToState, outcome = r.Outcome, reason = r.Reason, disclosed_to = r.DisclosedTo }),
            history = detail.History.Select(h => new { replaced = Instant.FromUnixTimeMilliseconds(h.ReplacedUnixMs).ToString(), reason = h.Reason }),
            amendments = VisibleAmendments(actor, detail).Select(Amendment),
        });
    }

    private static async Task<IResult> DiscloseSupplementAsync(long id, int number, ReviewRequest body, HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return ApiProblems.Invalid("reason", "a disclosure states its purpose");
        }

        var (amendment, _) = await services.Review.DiscloseSupplementAsync(id, number, body.Reason, actor.Username, actor.Role.ToString(), http.RequestAborted);
        return Results.Ok(new { id, amendment = amendment.Number, disclosed_to = amendment.Supplement?.DisclosedTo });
    }

    private static object Amendment(MatchAmendment a) => new
    {
        number = a.Number, recorded = a.At.ToString(), run = a.RunId, reason = a.Reason, found = a.Found, crime_version = a.CrimeVersion,
        score = a.Score, significant = a.Significant, min_distance_m = a.MinDistanceMetres,
        closest_time = a.ClosestTimeUnixMs is { } closest ? Instant.FromUnixTimeMilliseconds(closest).ToString() : null,
        dwell_s = a.DwellSeconds, gap_s = a.GapSeconds, habitual_place = a.HabitualPlace,
        factors = a.FactorsJson is null ? (JsonElement?)null : JsonDocument.Parse(a.FactorsJson).RootElement,
        evidence = a.EvidenceJson is null ? (JsonElement?)null : JsonDocument.Parse(a.EvidenceJson).RootElement,
        gaps = a.GapsJson is null ? (JsonElement?)null : JsonDocument.Parse(a.GapsJson).RootElement,
        supplement = a.Supplement is { } s ? new { disclosed = s.At.ToString(), actor = s.Actor, role = s.ActorRole, reason = s.Reason, disclosed_to = s.DisclosedTo } : null,
    };

    private static async Task<IResult> PackAsync(long id, HttpContext http, TagwatchServices services, TimeProvider clock)
    {
        var (actor, detail, refusal) = await VisibleMatchAsync(id, http, services);
        if (refusal is not null)
        {
            return refusal;
        }

        var pack = await new DisclosurePackBuilder(services.Matches, services.Crimes, services.OffenderStore, services.Fixes).BuildAsync(id, $"{actor.Username} ({actor.Role})", Instant.FromDateTimeOffset(clock.GetUtcNow()), http.RequestAborted);
        var pdf = new MemoryStream();
        DisclosurePackPdf.Render(pack, pdf);
        await http.AuditAsync(actor, AuditActions.Export, "match", id.ToString(CultureInfo.InvariantCulture),
            $"disclosure pack (PDF, {pdf.Length} bytes); crime {detail.Match.Force}/{detail.Match.CrimeReference}; subject {detail.Match.OffenderReference ?? detail.Match.Tag}",
            pack.Disclosure.Reason, pack.Disclosure.DisclosedTo);
        pdf.Position = 0;
        return Results.File(pdf, "application/pdf", $"disclosure-{detail.Match.Force}-{detail.Match.CrimeReference}-{id}.pdf");
    }

    private static async Task<IResult> ReviewAsync(long id, MatchState to, string? reason, HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        if (string.IsNullOrWhiteSpace(reason))
        {
            return ApiProblems.Invalid("reason", to == MatchState.Disclosed ? "a disclosure states its purpose" : "a review decision needs a reason");
        }

        var (entry, _) = await services.Review.DecideAsync(id, to, reason, actor.Username, actor.Role.ToString(), http.RequestAborted);
        return Results.Ok(new { id, state = entry.ToState, disclosed_to = entry.DisclosedTo });
    }

    private static async Task<IResult> OutcomeAsync(long id, OutcomeRequest body, HttpContext http, TagwatchServices services)
    {
        var actor = await http.RequiredActorAsync();
        if (!ApiValues.TryEnum<PoliceOutcome>(body.Outcome, out var outcome))
        {
            return ApiValues.NotOneOf<PoliceOutcome>("outcome", body.Outcome);
        }

        var (_, _, refusal) = await VisibleMatchAsync(id, http, services);
        if (refusal is not null)
        {
            return refusal;
        }

        var entry = await services.Review.RecordOutcomeAsync(id, outcome, body.Note, actor.Username, actor.Role.ToString(), http.RequestAborted);
        return Results.Ok(new { id, state = entry.ToState, outcome = entry.Outcome });
    }

    /// <summary>A match's summary; the count of amendments (disclosed as supplements or not) is the reviewer's to see.</summary>
    private static object Summary(StoredMatch m, Actor actor) => new
    {
        id = m.Id, force = m.Force, crime = m.CrimeReference, crime_version = m.CrimeVersion, borough = m.BoroughCode, tag = m.Tag, offender = m.OffenderReference,
        score = m.Score, significant = m.Significant, state = m.State, outcome = m.Outcome, amendments = AccessPolicy.Allows(actor.Role, Permission.ReviewMatches) ? m.Amendments : (int?)null, min_distance_m = m.MinDistanceMetres,
        closest_time = Instant.FromUnixTimeMilliseconds(m.ClosestTimeUnixMs).ToString(), dwell_s = m.DwellSeconds, gap_s = m.GapSeconds,
    };
}
