using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;
using Tagwatch.Application.Offenders;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.People;

/// <summary>
/// Trail playback for a chosen period: the page names the person and the period; the player reads the fixes from the
/// trail API (each read audited by the trail use case) and the downloads are the same API's exports of that period.
/// </summary>
[Authorize(Policy = nameof(Permission.ViewTrails))]
[Authorize(Policy = nameof(Permission.ViewOffenderRecords))]
[Tags("Offenders")]
internal sealed class TrailModel(ShowOffender show, TimeProvider clock) : WebPageModel
{
    private static readonly LocalDatePattern DateInput = LocalDatePattern.Iso;

    [FromRoute]
    public string Reference { get; set; } = "";

    /// <summary>First day shown (London), yyyy-MM-dd.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>Last day shown (London), inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public string Name { get; private set; } = "";

    public Instant Start { get; private set; }

    public Instant End { get; private set; }

    public string ApiPath => $"/api/v1/offenders/{Uri.EscapeDataString(Reference)}/trail?from={InstantPattern.General.Format(Start)}&to={InstantPattern.General.Format(End)}";

    /// <summary>The player's source: the trail page in columns, compact for a month of fixes.</summary>
    public string PlayerPath => $"{ApiPath}&format=columns";

    /// <summary>How many fixes the player asks for at once: a month's in one request.</summary>
    public static int PageSize => Application.Trails.ReadTrail.MaxPage;

    /// <summary>The player's first request, which the page asks the browser to start while the scripts still load.</summary>
    public string FirstPage => $"{PlayerPath}&limit={PageSize}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var record = await show.ExecuteAsync(await ActorAsync(), new OffenderRequest(Reference), cancellationToken);
        if (!record.Succeeded)
        {
            return Refused(record.Failure);
        }

        var offender = record.Value.Offender;
        Reference = offender.Reference.ToString();
        Name = record.Value.Person is { } p ? $"{p.GivenName} {p.FamilyName}" : Reference;
        var today = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(WebText.London).Date;
        var lastDay = offender.MonitoringEnd < today ? offender.MonitoringEnd : today;
        var first = Day(From, "From") ?? lastDay;
        var last = Day(To, "To") ?? first;
        if (last < first)
        {
            ModelState.AddModelError("To", "The last day must be the same as or after the first day");
            last = first;
        }

        // At most 31 days, both ends included.
        if (Period.Between(first, last, PeriodUnits.Days).Days > 30)
        {
            ModelState.AddModelError("To", "Show at most 31 days at a time");
            last = first.PlusDays(30);
        }

        From = DateInput.Format(first);
        To = DateInput.Format(last);
        Start = WebText.London.AtStartOfDay(first).ToInstant();
        End = WebText.London.AtStartOfDay(last.PlusDays(1)).ToInstant();
        return Page();
    }

    private LocalDate? Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = DateInput.Parse(text);
        if (!parsed.Success)
        {
            ModelState.AddModelError(field, "Enter a real date");
            return null;
        }

        return parsed.Value;
    }
}
