using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Matches;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Matches;
using Tagwatch.Correlation.Scored;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Web.Pages.Matches;

/// <summary>
/// One match (<see cref="ShowMatch"/>): its score and factors in words, the evidence map and table of points, gaps,
/// history and reviews. A reviewer qualifies or dismisses it with a reason, or discloses it — this one match — to the
/// police of the crime's borough; police of that borough record the outcome. Both download the disclosure pack from the
/// API. A match the actor may not see answers as unknown (404), with the true reason in the audit log.
/// </summary>
[Tags("Matches")]
internal sealed class MatchModel(
    ShowMatch show, QualifyMatch qualify, DismissMatch dismiss, DiscloseMatch disclose, RecordOutcome recordOutcome, MatchVisibility visibility) : WebPageModel
{
    private static readonly JsonSerializerOptions MapJson = new(JsonSerializerDefaults.Web);

    public sealed class DecisionForm
    {
        /// <summary>"qualify" or "dismiss".</summary>
        public string? Decision { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class DisclosureForm
    {
        public string? Purpose { get; set; }
    }

    public sealed class OutcomeForm
    {
        public PoliceOutcome? Outcome { get; set; }

        public string? Note { get; set; }
    }

    [BindProperty]
    public DecisionForm Decide { get; set; } = new();

    [BindProperty]
    public DisclosureForm Disclosure { get; set; } = new();

    [BindProperty]
    public OutcomeForm Result { get; set; } = new();

    public long Id { get; private set; }

    public MatchView View { get; private set; } = null!;

    public StoredMatch Match => View.Detail.Match;

    public MatchState State => MatchWorkflow.Parse(Match.State);

    public bool Reviewer { get; private set; }

    public bool Police { get; private set; }

    public (ScoreFactors Factors, double Score) Factors { get; private set; }

    public IReadOnlyList<EvidencePoint> Evidence { get; private set; } = [];

    public IReadOnlyList<MonitoringGap> Gaps { get; private set; } = [];

    /// <summary>What the evidence map draws, as JSON for its script.</summary>
    public string MapData { get; private set; } = "{}";

    /// <summary>Whether the workflow allows moving this match to <paramref name="to"/> now (the use case decides again on posting).</summary>
    public bool Allows(MatchState to) => MatchWorkflow.Refusal(State, to, Match.Significant) is null;

    /// <summary>The police a disclosure goes to, or null when the crime's borough is not known.</summary>
    public string? Recipient => MatchReview.Recipient(Match);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(await ActorAsync(), id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostDecideAsync(long id, CancellationToken cancellationToken)
    {
        var actor = await ActorAsync();
        ReviewMatch? step = Decide.Decision switch
        {
            "qualify" => qualify,
            "dismiss" => dismiss,
            _ => null,
        };
        if (step is null)
        {
            return await LoadAsync(actor, id, cancellationToken) ?? FieldError("Decide.Decision", "Choose whether to qualify or dismiss the match");
        }

        var decided = await step.ExecuteAsync(actor, new MatchDecisionRequest(id, Decide.Reason), cancellationToken);
        return decided.Succeeded
            ? Done(id, $"Match {id} is now {MatchText.State(MatchWorkflow.Parse(decided.Value.Entry.ToState)).Word.ToLowerInvariant()}.")
            : await ShowFailureAsync(actor, id, decided.Failure, "Decide", cancellationToken);
    }

    public async Task<IActionResult> OnPostDiscloseAsync(long id, CancellationToken cancellationToken)
    {
        var actor = await ActorAsync();
        var disclosed = await disclose.ExecuteAsync(actor, new MatchDecisionRequest(id, Disclosure.Purpose), cancellationToken);
        return disclosed.Succeeded
            ? Done(id, $"Match {id} has been disclosed to {disclosed.Value.Entry.DisclosedTo}.")
            : await ShowFailureAsync(actor, id, disclosed.Failure with { Field = disclosed.Failure.Field is null ? null : "purpose" }, "Disclosure", cancellationToken);
    }

    public async Task<IActionResult> OnPostOutcomeAsync(long id, CancellationToken cancellationToken)
    {
        var actor = await ActorAsync();
        if (Result.Outcome is not { } outcome)
        {
            return await LoadAsync(actor, id, cancellationToken) ?? FieldError("Result.Outcome", "Choose what came of the match");
        }

        var recorded = await recordOutcome.ExecuteAsync(actor, new RecordOutcomeRequest(id, outcome, Result.Note), cancellationToken);
        return recorded.Succeeded
            ? Done(id, $"The outcome of match {id} has been recorded: {MatchText.Outcome(outcome)}.")
            : await ShowFailureAsync(actor, id, recorded.Failure, "Result", cancellationToken);
    }

    private RedirectToPageResult Done(long id, string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage(new { id });
    }

    private PageResult FieldError(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return Page();
    }

    /// <summary>An invalid field or a step the workflow refuses is said on the page; not seeing the match answers 404.</summary>
    private async Task<IActionResult> ShowFailureAsync(Actor actor, long id, UseCaseFailure failure, string form, CancellationToken cancellationToken)
    {
        if (failure.Kind is FailureKind.NotFound or FailureKind.Forbidden)
        {
            return await RefusedAsync(actor, id, failure, cancellationToken);
        }

        return await LoadAsync(actor, id, cancellationToken) ?? Failed(failure.ForForm(), Page, form);
    }

    private async Task<IActionResult?> LoadAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        Id = id;
        var shown = await show.ExecuteAsync(actor, new MatchRequest(id), cancellationToken);
        if (!shown.Succeeded)
        {
            return await RefusedAsync(actor, id, shown.Failure, cancellationToken);
        }

        View = shown.Value;
        Reviewer = MatchVisibility.IsReviewer(actor);
        Police = AccessPolicy.Allows(actor.Role, Permission.ReceiveMatches);
        Factors = MatchEvidenceJson.ReadFactorsAndScore(View.Detail.FactorsJson);
        Evidence = MatchEvidenceJson.ReadEvidence(View.Detail.EvidenceJson).OrderBy(p => p.TimeUnixMs).ToList();
        Gaps = MatchEvidenceJson.ReadGaps(View.Detail.GapsJson);
        MapData = JsonSerializer.Serialize(EvidenceMapData.From(View, Evidence, Gaps), MapJson);
        return null;
    }

    /// <summary>The refusal page; for a match hidden from the actor (answered as unknown) the audit log keeps the true reason.</summary>
    private async Task<IActionResult> RefusedAsync(Actor actor, long id, UseCaseFailure failure, CancellationToken cancellationToken)
    {
        var refused = Refused(failure);
        if (failure.Kind == FailureKind.NotFound && await visibility.HiddenReasonAsync(actor, id, cancellationToken) is { } reason)
        {
            HttpContext.RecordRefusalReason(reason);
        }

        return refused;
    }
}
