using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Matches;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Matches;

namespace Tagwatch.Server.Web.Pages.Matches;

/// <summary>
/// The matches the actor may see (<see cref="ListMatches"/> scopes them): for a reviewer, the work queue of new
/// significant matches ranked by score, or another state's matches, with bulk triage — dismiss or qualify several with
/// one reason, each through the same use case as one at a time, reporting per match what happened (never bulk
/// disclosure: a disclosure is made one match at a time on its own page); for police, the matches disclosed to them.
/// </summary>
[Tags("Matches")]
internal sealed class IndexModel(ListMatches list, QualifyMatch qualify, DismissMatch dismiss) : WebPageModel
{
    public const int PageSize = 25;

    /// <summary>The reviewer's choice of list: the states a reviewer works through, in order.</summary>
    public static readonly MatchState[] ReviewerStates = [MatchState.New, MatchState.Qualified, MatchState.Disclosed, MatchState.Dismissed];

    public sealed class BulkForm
    {
        public List<long> Selected { get; set; } = [];

        /// <summary>"dismiss" or "qualify".</summary>
        public string? Decision { get; set; }

        public string? Reason { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public MatchState? State { get; set; }

    /// <summary>The page of the list, from 1 (<c>?p=2</c>; "page" is the framework's own route value).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public BulkForm Bulk { get; set; } = new();

    public bool Reviewer { get; private set; }

    public MatchState Showing { get; private set; }

    public IReadOnlyList<StoredMatch> Shown { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>What the last bulk action did, one line per match (after the redirect).</summary>
    public IReadOnlyList<string> BulkResults { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(await ActorAsync(), cancellationToken) is { } refused)
        {
            return refused;
        }

        BulkResults = TempData["BulkResults"] is string results ? results.Split('\n') : [];
        return Page();
    }

    public async Task<IActionResult> OnPostBulkAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync();
        if (await LoadAsync(actor, cancellationToken) is { } refused)
        {
            return refused;
        }

        ReviewMatch? step = Bulk.Decision switch
        {
            "dismiss" => dismiss,
            "qualify" => qualify,
            _ => null,
        };
        if (step is null)
        {
            ModelState.AddModelError("Bulk.Decision", "Choose whether to dismiss the selected matches or qualify them for disclosure review");
        }

        if (Bulk.Selected.Count == 0)
        {
            ModelState.AddModelError("Bulk.Selected", "Select the matches to act on");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var results = new List<string>();
        foreach (long id in Bulk.Selected.Distinct())
        {
            var decided = await step!.ExecuteAsync(actor, new MatchDecisionRequest(id, Bulk.Reason), cancellationToken);
            if (!decided.Succeeded && results.Count == 0 && decided.Failure.Kind is FailureKind.Invalid or FailureKind.Forbidden)
            {
                // The same for every match (no reason, a role that does not review): said once, before anything changed.
                return Failed(decided.Failure.ForForm(), Page, "Bulk");
            }

            results.Add(decided.Succeeded
                ? $"Match {id}: {MatchText.State(MatchWorkflow.Parse(decided.Value.Entry.ToState)).Word.ToLowerInvariant()}"
                : $"Match {id}: not changed. {decided.Failure.ForForm().Message}");
        }

        TempData["BulkResults"] = string.Join('\n', results);
        return RedirectToPage(new { state = State });
    }

    private async Task<IActionResult?> LoadAsync(Actor actor, CancellationToken cancellationToken)
    {
        Reviewer = MatchVisibility.IsReviewer(actor);
        Showing = Reviewer ? State ?? MatchState.New : MatchState.Disclosed;
        var listed = await list.ExecuteAsync(actor, new ListMatchesRequest(Reviewer ? Showing : null, SignificantOnly: Reviewer && Showing == MatchState.New), cancellationToken);
        if (!listed.Succeeded)
        {
            return Refused(listed.Failure);
        }

        var ranked = listed.Value.Matches.OrderByDescending(m => m.Score).ThenBy(m => m.Id).ToList();
        Total = ranked.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Shown = ranked.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        return null;
    }
}
