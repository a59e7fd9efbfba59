using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.Alerts;

/// <summary>
/// One alert: what, whose, when, severity and state, its trail of steps and notes, and the fixes it rests on drawn on a
/// map; acknowledging and resolving it with a note post back here (Post/Redirect/Get), refusals shown against the note.
/// </summary>
[Authorize(Policy = nameof(Permission.ViewAlerts))]
[Tags("Monitoring")]
internal sealed class ShowModel(ShowAlert showAlert, AcknowledgeAlert acknowledgeAlert, ResolveAlert resolveAlert) : WebPageModel
{
    /// <summary>One evidence fix as the map draws it.</summary>
    public sealed record EvidenceFix(string Time, double Lat, double Lon, double? AccuracyM, double? WrongSideM);

    public sealed class Form
    {
        public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public Form Input { get; set; } = new();

    public AlertDetail Detail { get; private set; } = null!;

    public Actor Actor { get; private set; } = null!;

    public IReadOnlyList<EvidenceFix> Fixes { get; private set; } = [];

    public bool MayHandle => AccessPolicy.Allows(Actor.Role, Permission.HandleAlerts) && AlertText.Unhandled(Detail.Alert.State);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } failure ? Refused(failure) : Page();

    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken cancellationToken) =>
        HandleAsync(acknowledgeAlert.ExecuteAsync, "acknowledged", cancellationToken);

    public Task<IActionResult> OnPostResolveAsync(CancellationToken cancellationToken) =>
        HandleAsync(resolveAlert.ExecuteAsync, "resolved", cancellationToken);

    private async Task<IActionResult> HandleAsync(
        Func<Actor, HandleAlertRequest, CancellationToken, Task<UseCaseResult<Alert>>> step, string done, CancellationToken cancellationToken)
    {
        var result = await step(await ActorAsync(), new HandleAlertRequest(Id, Input.Note), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = $"Alert {Id.ToString(CultureInfo.InvariantCulture)} {done}.";
            return RedirectToPage(new { id = Id });
        }

        if (await LoadAsync(cancellationToken) is { } failure)
        {
            return Refused(failure);
        }

        // Every refusal of the step (no note, too long, not open any more) is said against the note field.
        return result.Failure.Kind is FailureKind.Invalid or FailureKind.Conflict or FailureKind.Refused
            ? ShowAgainWithNoteError(result.Failure.Message)
            : Refused(result.Failure);
    }

    private PageResult ShowAgainWithNoteError(string message)
    {
        ModelState.AddModelError($"{nameof(Input)}.{nameof(Form.Note)}", message);
        return Page();
    }

    /// <summary>Reads the alert (audited by the use case); the failure when it may not be shown.</summary>
    private async Task<UseCaseFailure?> LoadAsync(CancellationToken cancellationToken)
    {
        Actor = await ActorAsync();
        var result = await showAlert.ExecuteAsync(Actor, new ShowAlertRequest(Id), cancellationToken);
        if (!result.Succeeded)
        {
            return result.Failure;
        }

        Detail = result.Value;
        Fixes = ReadFixes(Detail.Alert.EvidenceJson);
        return null;
    }

    /// <summary>The evidence fixes of a breach alert (device alerts have none).</summary>
    private static List<EvidenceFix> ReadFixes(string evidenceJson)
    {
        using var evidence = JsonDocument.Parse(evidenceJson);
        if (evidence.RootElement.ValueKind != JsonValueKind.Object || !evidence.RootElement.TryGetProperty("fixes", out var fixes) || fixes.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. fixes.EnumerateArray().Select(f => new EvidenceFix(
            f.GetProperty("time").GetString() ?? "",
            f.GetProperty("lat").GetDouble(),
            f.GetProperty("lon").GetDouble(),
            Number(f, "accuracy_m"),
            Number(f, "wrong_side_m")))];
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
