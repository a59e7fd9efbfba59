using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Application.Retention;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.Admin;

/// <summary>
/// Retention for administrators: how long each kind of data is kept, what the policy would delete now (a dry run of
/// <see cref="RunRetention"/>, counts only), and the legal holds that spare a person's data — placed and lifted with a
/// stated reason. The same use cases as the API's <c>/retention</c>.
/// </summary>
[Authorize(Policy = nameof(Permission.ManageRetention))]
internal sealed class RetentionModel(RunRetention run, ListLegalHolds list, PlaceLegalHold place, LiftLegalHold lift) : WebPageModel
{
    public sealed class HoldForm
    {
        public string? Reference { get; set; }

        public string? Reason { get; set; }
    }

    [BindProperty]
    public HoldForm Hold { get; set; } = new();

    public RetentionRunResult Due { get; private set; } = null!;

    public IReadOnlyList<LegalHold> Holds { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostPlaceAsync(CancellationToken cancellationToken)
    {
        var result = await place.ExecuteAsync(await ActorAsync(), new PlaceLegalHoldRequest(Hold.Reference?.Trim() ?? "", Hold.Reason), cancellationToken);
        if (!result.Succeeded)
        {
            return result.Failure.Kind == Application.UseCases.FailureKind.NotFound
                ? await InvalidAsync("Hold.Reference", result.Failure.Message, cancellationToken)
                : await FailedAsync(result.Failure.ForForm(), () => ShowAsync(cancellationToken), "Hold");
        }

        TempData["Notice"] = $"{result.Value.OffenderReference} is under a legal hold: retention deletes nothing of theirs until it is lifted.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLiftAsync(string reference, string? reason, CancellationToken cancellationToken)
    {
        var result = await lift.ExecuteAsync(await ActorAsync(), new LiftLegalHoldRequest(reference, reason), cancellationToken);
        if (!result.Succeeded)
        {
            // Each standing hold has its own lift form: the problem is said in the summary, naming the person.
            return await FailedAsync(result.Failure with { Field = null, Message = $"Lifting the hold on {reference}: {result.Failure.Message}" }, () => ShowAsync(cancellationToken));
        }

        TempData["Notice"] = $"The legal hold on {reference} is lifted: their data now follows the retention periods.";
        return RedirectToPage();
    }

    private async Task<IActionResult> InvalidAsync(string field, string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(field, message);
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync();
        var due = await run.ExecuteAsync(actor, new RunRetentionRequest(DryRun: true), cancellationToken);
        if (!due.Succeeded)
        {
            return Refused(due.Failure);
        }

        var holds = await list.ExecuteAsync(actor, new ListLegalHoldsRequest(), cancellationToken);
        if (!holds.Succeeded)
        {
            return Refused(holds.Failure);
        }

        Due = due.Value;
        Holds = holds.Value;
        return Page();
    }

    /// <summary>A period in words: "6 years", "30 days", "1 year and 10 days".</summary>
    public static string Period(int days)
    {
        int years = days / 365;
        int rest = days % 365;
        string yearText = years == 1 ? "1 year" : $"{years} years";
        string dayText = rest == 1 ? "1 day" : $"{rest} days";
        return years == 0 ? dayText : rest == 0 ? yearText : $"{yearText} and {dayText}";
    }
}
