using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.Audit;

/// <summary>
/// The auditor's screen: search the audit log by actor, action, subject and period, a page at a time; verify the hash
/// chain (the verdict in words); and the API's export of the same search. Each search and check is itself audited.
/// </summary>
[Authorize(Policy = nameof(Permission.ReadAudit))]
internal sealed class AuditIndexModel(SearchAudit search, VerifyAudit verify) : WebPageModel
{
    /// <summary>Records per page.</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    /// <summary>The first day of the period (London date).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>The last day of the period, included.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Paging: records after this sequence.</summary>
    [BindProperty(SupportsGet = true)]
    public long After { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>Whether a search was asked for (the page opens empty).</summary>
    public bool Searched => Request.Query.ContainsKey(nameof(Actor));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Searched)
        {
            return Page();
        }

        var result = await search.ExecuteAsync(await ActorAsync(), new SearchAuditRequest(
            Start(From), Start(To?.AddDays(1)), Blank(Actor), Blank(Action), Blank(Subject), After, PageSize), cancellationToken);
        if (!result.Succeeded)
        {
            return Failed(result.Failure, Page);
        }

        Entries = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        var result = await verify.ExecuteAsync(await ActorAsync(), new VerifyAuditRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            return Failed(result.Failure, Page);
        }

        var v = result.Value;
        TempData["Notice"] = v.Intact
            ? $"The audit log is intact: all {v.Entries} records and their links check out. The last record is number {v.HeadSequence}, hash {v.HeadHash}; keep these outside the system to detect a removed tail later."
            : $"The audit log is NOT intact: {v.Problems.Count} problems in {v.Entries} records. {string.Join(" ", v.Problems.Take(5))}";
        return RedirectToPage();
    }

    /// <summary>The API's export of the same search (JSON lines with hashes).</summary>
    public string ExportHref()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }

        Add("actor", Actor);
        Add("action", Action);
        Add("subject", Subject);
        Add("from", Start(From)?.ToString());
        Add("to", Start(To?.AddDays(1))?.ToString());
        return "/api/v1/audit/export" + (parts.Count == 0 ? "" : "?" + string.Join('&', parts));
    }

    /// <summary>The next page's address: the same search after the last record shown.</summary>
    public string NextHref() =>
        $"/audit?actor={Uri.EscapeDataString(Actor ?? "")}&action={Uri.EscapeDataString(Action ?? "")}&subject={Uri.EscapeDataString(Subject ?? "")}"
        + $"&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&after={Entries[^1].Sequence}";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Midnight at the start of a London date.</summary>
    private static Instant? Start(DateOnly? date) => date is { } day
        ? Instant.FromDateTimeOffset(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), London.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))))
        : null;

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}
