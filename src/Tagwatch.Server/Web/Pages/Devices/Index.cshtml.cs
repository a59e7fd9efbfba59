using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.Devices;

/// <summary>
/// The device registry for administrators: every tag with its wearer, last contact and battery (<see cref="ListTags"/>),
/// devices refused (<see cref="ListRefusedDevices"/>), and the forms that register a tag, fit it, correct a fitting,
/// swap and return tags — each the use case the API's endpoint calls, each refusal against its field.
/// </summary>
[Authorize(Policy = nameof(Permission.ManageTags))]
[Tags("Monitoring")]
internal sealed class IndexModel(
    ListTags listTags, ListRefusedDevices listRefused, RegisterTag register, AssignTag assign, CorrectAssignment correct,
    ReturnTag returnTag, SwapTag swap, MonitoringOptions monitoring, TimeProvider clock) : WebPageModel
{
    public sealed class RegisterForm
    {
        public string? Id { get; set; }

        public string? Protocol { get; set; }

        public string? Model { get; set; }
    }

    public sealed class AssignForm
    {
        public string? Tag { get; set; }

        public string? Person { get; set; }
    }

    public sealed class CorrectForm
    {
        public string? Tag { get; set; }

        public string? Person { get; set; }

        public DateField FromDate { get; set; } = new();

        /// <summary>The time of day in London, "HH:mm".</summary>
        public string? FromTime { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class SwapForm
    {
        public string? Tag { get; set; }

        public string? NewTag { get; set; }
    }

    [BindProperty]
    public RegisterForm Register { get; set; } = new();

    [BindProperty]
    public AssignForm Assign { get; set; } = new();

    [BindProperty]
    public CorrectForm Correct { get; set; } = new();

    [BindProperty]
    public SwapForm Swap { get; set; } = new();

    public IReadOnlyList<RegisteredTag> Tags { get; private set; } = [];

    public IReadOnlyList<RefusedDevice> RefusedDevices { get; private set; } = [];

    public Instant Now { get; private set; }

    public Duration SilentAfter => monitoring.NoContactAfter;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await register.ExecuteAsync(await ActorAsync(), new RegisterTagRequest(Register.Id, Register.Protocol, Register.Model), cancellationToken);
        return result.Succeeded
            ? Done($"Tag {result.Value.Id} registered ({result.Value.Protocol}).")
            : await FormFailedAsync(result.Failure, "Register", new() { ["id"] = "Id", ["protocol"] = "Protocol", ["model"] = "Model" }, cancellationToken);
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await assign.ExecuteAsync(await ActorAsync(), new AssignTagRequest(Assign.Tag?.Trim(), Assign.Person?.Trim()), cancellationToken);
        return result.Succeeded
            ? Done($"Tag {result.Value.Tag} is worn by {result.Value.Offender} from {WebText.Time(result.Value.From)}.")
            : await FormFailedAsync(result.Failure, "Assign", new() { ["id"] = "Tag", ["offender"] = "Person" }, cancellationToken);
    }

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Instant? from = null;
        if (!Correct.FromDate.TryRead(out var day, out var dateError))
        {
            ModelState.AddModelError("Correct.FromDate", Sentence(dateError ?? "not a date"));
        }
        else if (!TimeOfDay(Correct.FromTime, out var time))
        {
            ModelState.AddModelError("Correct.FromTime", "Enter the time as hours and minutes, for example 09:30");
        }
        else
        {
            from = (day + time).InZoneLeniently(WebText.London).ToInstant();
        }

        if (from is null)
        {
            return await ShowAsync(cancellationToken);
        }

        var result = await correct.ExecuteAsync(await ActorAsync(), new CorrectAssignmentRequest(Correct.Tag?.Trim(), Correct.Person?.Trim(), from, Correct.Reason), cancellationToken);
        return result.Succeeded
            ? Done($"Corrected: tag {result.Value.Tag} was worn by {result.Value.Offender} from {WebText.Time(result.Value.From)}; the crimes of that span are checked again.")
            : await FormFailedAsync(result.Failure, "Correct", new() { ["id"] = "Tag", ["offender"] = "Person", ["from"] = "FromDate", ["reason"] = "Reason" }, cancellationToken);
    }

    public async Task<IActionResult> OnPostSwapAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await swap.ExecuteAsync(await ActorAsync(), new SwapTagRequest(Swap.Tag?.Trim(), Swap.NewTag?.Trim()), cancellationToken);
        return result.Succeeded
            ? Done($"{result.Value.Offender} now wears tag {result.Value.Fitted} instead of tag {result.Value.Returned}.")
            : await FormFailedAsync(result.Failure, "Swap", new() { ["id"] = "Tag", ["new_tag"] = "NewTag" }, cancellationToken);
    }

    /// <summary>Returns the tag a row's button names.</summary>
    public async Task<IActionResult> OnPostReturnAsync(string? tag, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await returnTag.ExecuteAsync(await ActorAsync(), new ReturnTagRequest(tag), cancellationToken);
        return result.Succeeded
            ? Done($"Tag {result.Value.Tag} returned: {result.Value.Offender} wore it until {WebText.Time(result.Value.To)}.")
            : await FormFailedAsync(result.Failure, "Return", [], cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync();
        var tags = await listTags.ExecuteAsync(actor, new ListTagsRequest(), cancellationToken);
        if (!tags.Succeeded)
        {
            return Refused(tags.Failure);
        }

        var refused = await listRefused.ExecuteAsync(actor, new ListRefusedDevicesRequest(), cancellationToken);
        if (!refused.Succeeded)
        {
            return Refused(refused.Failure);
        }

        Tags = tags.Value;
        RefusedDevices = refused.Value;
        Now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        return Page();
    }

    private RedirectToPageResult Done(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage();
    }

    /// <summary>A use case's refusal on one of the forms: an invalid field against the form's field (a tag not
    /// registered is one too: it was typed there), anything else above the forms.</summary>
    private Task<IActionResult> FormFailedAsync(UseCaseFailure failure, string form, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        if (failure.Kind == FailureKind.NotFound && fields.TryGetValue("id", out var tagField))
        {
            ModelState.AddModelError($"{form}.{tagField}", failure.Message);
            return ShowAsync(cancellationToken);
        }

        var shown = failure.Field is { } field && failure.Kind == FailureKind.Invalid
            ? UseCaseFailure.Invalid(fields.GetValueOrDefault(field, field), Sentence(failure.Message))
            : failure;
        return FailedAsync(shown, () => ShowAsync(cancellationToken), form);
    }

    private static bool TimeOfDay(string? text, out LocalTime time)
    {
        var parsed = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("H:mm").Parse(text?.Trim() ?? "");
        time = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    private static string Sentence(string reason) => reason.Length == 0 ? reason : char.ToUpperInvariant(reason[0]) + reason[1..];
}
