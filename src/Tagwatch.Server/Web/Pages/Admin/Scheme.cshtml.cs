using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tagwatch.Application.Scheme;
using Tagwatch.Core.Access;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Server.Web.Pages.Admin;

/// <summary>
/// The scheme's settings (<see cref="ShowScheme"/>, <see cref="ChangeScheme"/>): name, boroughs, capacity, period, the
/// longest monitoring, the offences that qualify and the risk tier from which trails are checked against crimes. A
/// change must leave the whole coherent, else nothing changes.
/// </summary>
[Authorize(Policy = nameof(Permission.ManageScheme))]
internal sealed class SchemeModel(ShowScheme show, ChangeScheme change) : WebPageModel
{
    public sealed class Form
    {
        public string? Name { get; set; }

        public int? Capacity { get; set; }

        /// <summary>London boroughs by name or code, separated by commas.</summary>
        public string? Boroughs { get; set; }

        public DateField Start { get; set; } = new();

        public int? LengthMonths { get; set; }

        public int? MaxMonitoringMonths { get; set; }

        public List<IndexOffence> EligibleOffences { get; set; } = [];

        public RiskTier? CorrelationMinimumTier { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public SchemeView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var settings = View.Settings;
        Input = new Form
        {
            Name = settings.Name,
            Capacity = settings.Capacity,
            Boroughs = string.Join(", ", settings.BoroughCodes.Select(WebText.BoroughName)),
            Start = new DateField { Day = settings.StartDate.Day.ToString(WebText.Culture), Month = settings.StartDate.Month.ToString(WebText.Culture), Year = settings.StartDate.Year.ToString(WebText.Culture) },
            LengthMonths = settings.LengthMonths,
            MaxMonitoringMonths = settings.MaxMonitoringMonths,
            EligibleOffences = [.. settings.EligibleOffences],
            CorrelationMinimumTier = settings.CorrelationMinimumTier,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Input.Start.TryRead(out var start, out string? startError))
        {
            ModelState.AddModelError("Input.Start", $"Start date {startError}");
        }

        if (Input.EligibleOffences.Count == 0)
        {
            ModelState.AddModelError("Input.EligibleOffences", "Choose at least one offence that qualifies");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var request = new ChangeSchemeRequest(
            string.IsNullOrWhiteSpace(Input.Name) ? null : Input.Name.Trim(), Input.Capacity, AddUserModel.List(Input.Boroughs), start,
            Input.LengthMonths, Input.MaxMonitoringMonths, Input.EligibleOffences, Input.CorrelationMinimumTier);
        var result = await change.ExecuteAsync(await ActorAsync(), request, cancellationToken);
        if (!result.Succeeded)
        {
            return Failed(result.Failure.ForForm(), Page, "Input");
        }

        TempData["Notice"] = "The scheme's settings are changed.";
        return RedirectToPage();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var result = await show.ExecuteAsync(await ActorAsync(), new ShowSchemeRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            return Refused(result.Failure);
        }

        View = result.Value;
        return null;
    }
}
