using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;
using Tagwatch.Application.Conditions;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Offenders;
using Tagwatch.Core.Access;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Geo;

namespace Tagwatch.Server.Web.Pages.People;

/// <summary>
/// A person's page: record, licence, risk history, conditions (zones on the map, curfews in words), alerts; and the
/// probation officer's changes — a zone drawn on the map or typed, a zone in force changed on the map, a condition ended or
/// suspended — through the same use cases as the API.
/// </summary>
[Authorize(Policy = nameof(Permission.ViewOffenderRecords))]
[Tags("Offenders")]
internal sealed class ShowModel(ShowOffender show, ListConditions conditions, ListAlerts alerts, AddCondition add, ChangeCondition change, EndCondition end, SuspendCondition suspend) : WebPageModel
{
    private static readonly LocalDateTimePattern LocalInput = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd'T'HH:mm");

    /// <summary>A new zone or curfew: drawn on the map (which fills these fields) or typed.</summary>
    public sealed class ZoneForm
    {
        /// <summary>The condition in force being changed; null when adding one.</summary>
        public long? ChangeId { get; set; }

        public string? Kind { get; set; } = "exclusion";

        public string? Label { get; set; }

        public string? Shape { get; set; } = "circle";

        public string? Latitude { get; set; }

        public string? Longitude { get; set; }

        public string? Radius { get; set; } = "200";

        /// <summary>Polygon corners, one "latitude, longitude" per line.</summary>
        public string? Polygon { get; set; }

        public string? Buffer { get; set; } = "0";

        public string? Schedule { get; set; } = "always";
    }

    /// <summary>A suspension of one condition, in London time.</summary>
    public sealed class SuspensionForm
    {
        public long Id { get; set; }

        public string? From { get; set; }

        public string? To { get; set; }

        public string? Reason { get; set; }
    }

    [FromRoute]
    public string Reference { get; set; } = "";

    [BindProperty]
    public ZoneForm Zone { get; set; } = new();

    [BindProperty]
    public SuspensionForm Suspension { get; set; } = new();

    public OffenderRecord Record { get; private set; } = null!;

    public IReadOnlyList<PersonCondition> Conditions { get; private set; } = [];

    public IReadOnlyList<Alert> Alerts { get; private set; } = [];

    public bool MayChange { get; private set; }

    /// <summary>How many of the person's latest alerts the page lists.</summary>
    public const int AlertHistoryLength = 50;

    /// <summary>The condition to change (<c>?change=ID</c>): the form below the map is filled with it.</summary>
    [BindProperty(SupportsGet = true, Name = "change")]
    public long? ChangeRequested { get; set; }

    /// <summary>The condition the form changes, when it changes one.</summary>
    public PersonCondition? Changing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await ShowAsync(cancellationToken);
        if (ChangeRequested is { } id && Changing is null)
        {
            ModelState.AddModelError("Zone.ChangeId", $"There is no condition {id} in force to change: it may have ended or been changed already.");
        }

        return page;
    }

    public async Task<IActionResult> OnPostZoneAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync();
        var area = ReadArea();
        if (!Schedule.TryParse(Zone.Schedule, out var schedule, out string? scheduleProblem))
        {
            ModelState.AddModelError("Zone.Schedule", scheduleProblem!);
        }

        if (!double.TryParse(Zone.Buffer ?? "0", NumberStyles.Float, CultureInfo.InvariantCulture, out double buffer))
        {
            ModelState.AddModelError("Zone.Buffer", "Enter the buffer in metres, for example 50");
        }

        var kind = Zone.Kind switch
        {
            "exclusion" => ConditionKind.Exclusion,
            "inclusion" => ConditionKind.Inclusion,
            "curfew" => ConditionKind.Curfew,
            _ => (ConditionKind?)null,
        };
        if (kind is null)
        {
            ModelState.AddModelError("Zone.Kind", "Choose an exclusion zone, an inclusion zone or a curfew");
        }

        if (!ModelState.IsValid || area is null || kind is null)
        {
            return await ShowAsync(cancellationToken);
        }

        string? label = string.IsNullOrWhiteSpace(Zone.Label) ? null : Zone.Label;
        var result = Zone.ChangeId is { } changed
            ? await change.ExecuteAsync(actor, new ChangeConditionRequest(changed, Reference, area, buffer, schedule, label), cancellationToken)
            : await add.ExecuteAsync(actor, new AddConditionRequest(Reference, kind.Value, area, schedule, new DecisionRules(), label, BufferMetres: buffer), cancellationToken);
        if (!result.Succeeded)
        {
            return await FailedAsync(Renamed(result.Failure), () => ShowAsync(cancellationToken), "Zone");
        }

        TempData["Notice"] = $"{PeopleText.Kind(result.Value.Condition.Kind)} “{result.Value.Condition.Label}” {(Zone.ChangeId is null ? "added" : "changed: the new area applies from now")}.";
        return RedirectToPage(new { reference = Reference });
    }

    public async Task<IActionResult> OnPostEndAsync(long id, CancellationToken cancellationToken)
    {
        var result = await end.ExecuteAsync(await ActorAsync(), new EndConditionRequest(id, Reference), cancellationToken);
        if (!result.Succeeded)
        {
            return await FailedAsync(result.Failure, () => ShowAsync(cancellationToken));
        }

        TempData["Notice"] = "The condition has ended.";
        return RedirectToPage(new { reference = Reference });
    }

    public async Task<IActionResult> OnPostSuspendAsync(CancellationToken cancellationToken)
    {
        var from = ReadLocal(Suspension.From, "Suspension.From");
        var to = ReadLocal(Suspension.To, "Suspension.To");
        if (from is null || to is null)
        {
            return await ShowAsync(cancellationToken);
        }

        var result = await suspend.ExecuteAsync(await ActorAsync(), new SuspendConditionRequest(Suspension.Id, from.Value, to.Value, Suspension.Reason, Reference), cancellationToken);
        if (!result.Succeeded)
        {
            return await FailedAsync(result.Failure, () => ShowAsync(cancellationToken), "Suspension");
        }

        TempData["Notice"] = $"Suspended from {WebText.Time(result.Value.Window.Start)} to {WebText.Time(result.Value.Window.End)}.";
        return RedirectToPage(new { reference = Reference });
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var actor = await ActorAsync();
        var record = await show.ExecuteAsync(actor, new OffenderRequest(Reference), cancellationToken);
        if (!record.Succeeded)
        {
            return Refused(record.Failure);
        }

        Record = record.Value;
        Reference = Record.Offender.Reference.ToString();
        var listed = await conditions.ExecuteAsync(actor, new ListConditionsRequest(Reference), cancellationToken);
        Conditions = listed.Succeeded ? listed.Value.Conditions : [];
        var seen = await alerts.ExecuteAsync(actor, new ListAlertsRequest(Limit: AlertHistoryLength, Person: Reference), cancellationToken);
        Alerts = seen.Succeeded ? [.. seen.Value.Alerts.Select(a => a.Alert)] : [];
        MayChange = AccessPolicy.Allows(actor.Role, Permission.ChangeOffenderRecords);
        long? changing = Zone.ChangeId ?? ChangeRequested;
        Changing = MayChange && changing is { } id ? Conditions.FirstOrDefault(c => c.Condition.Id == id) : null;
        if (Changing is not null && ChangeRequested is not null && Request.Method == HttpMethods.Get)
        {
            Zone = ZoneFormFill.Of(Changing.Condition);
        }

        return Page();
    }

    private ZoneArea? ReadArea()
    {
        try
        {
            if (Zone.Shape == "polygon")
            {
                var corners = (Zone.Polygon ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => line.Split(',', StringSplitOptions.TrimEntries))
                    .ToList();
                if (corners.Count < 3 || corners.Any(c => c.Length != 2))
                {
                    ModelState.AddModelError("Zone.Polygon", "Give at least 3 corners, one “latitude, longitude” per line, or click them on the map");
                    return null;
                }

                var points = corners.Select(c => $"{Number(c[1])} {Number(c[0])}").ToList();
                points.Add(points[0]);
                if (!ZoneArea.TryParse($"POLYGON(({string.Join(", ", points)}))", out var polygon, out string? problem))
                {
                    ModelState.AddModelError("Zone.Polygon", problem!);
                }

                return polygon;
            }

            if (!double.TryParse(Zone.Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out double lat)
                || !double.TryParse(Zone.Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out double lon)
                || !GeoPoint.TryCreate(lat, lon, out var centre, out _))
            {
                ModelState.AddModelError("Zone.Latitude", "Give the centre as a latitude and longitude (for example 51.4613 and -0.1156), or click it on the map");
                return null;
            }

            if (!double.TryParse(Zone.Radius, NumberStyles.Float, CultureInfo.InvariantCulture, out double radius))
            {
                ModelState.AddModelError("Zone.Radius", "Enter the radius in metres, for example 200");
                return null;
            }

            return ZoneArea.Circle(centre, radius);
        }
        catch (FormatException)
        {
            ModelState.AddModelError(Zone.Shape == "polygon" ? "Zone.Polygon" : "Zone.Latitude", "Numbers only, with a decimal point");
            return null;
        }
        catch (ArgumentOutOfRangeException e)
        {
            ModelState.AddModelError("Zone.Radius", Core.UserMessages.Of(e));
            return null;
        }
    }

    private Instant? ReadLocal(string? text, string field)
    {
        var parsed = LocalInput.Parse(text ?? "");
        if (!parsed.Success)
        {
            ModelState.AddModelError(field, "Enter a date and time");
            return null;
        }

        return WebText.London.AtLeniently(parsed.Value).ToInstant();
    }

    private static string Number(string text) =>
        double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("0.0000000", CultureInfo.InvariantCulture);

    /// <summary>The use case names its fields as the API does; the form's names differ for a few.</summary>
    private static Application.UseCases.UseCaseFailure Renamed(Application.UseCases.UseCaseFailure failure) => failure.Field switch
    {
        "area" => failure with { Field = "Latitude" },
        "buffer" or "buffer_metres" => failure with { Field = "Buffer" },
        "schedule" => failure with { Field = "Schedule" },
        "label" => failure with { Field = "Label" },
        _ => failure,
    };
}
