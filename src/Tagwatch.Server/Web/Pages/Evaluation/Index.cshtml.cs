using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Tagwatch.Application.Reports;
using Tagwatch.Core.Access;

namespace Tagwatch.Server.Web.Pages.Evaluation;

/// <summary>
/// The evaluation dashboard: the evaluation report (<see cref="ReadSchemeSummary"/>, the API's report) for a period, one
/// table and chart per section, each table downloadable as the report's own CSV. Withheld counts are shown as the report
/// withholds them; nothing here counts.
/// </summary>
[Authorize(Policy = nameof(Permission.ViewReports))]
internal sealed class EvaluationIndexModel(ReadSchemeSummary read) : WebPageModel
{
    /// <summary>The first day as typed (day, month, year); all blank: since the scheme began.</summary>
    [BindProperty(SupportsGet = true)]
    public DateField From { get; set; } = new();

    /// <summary>The last day, included, as typed; all blank: today.</summary>
    [BindProperty(SupportsGet = true)]
    public DateField To { get; set; } = new();

    public SchemeSummary? Summary { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await ReadAsync(cancellationToken);
        if (result is null)
        {
            return Page();
        }

        if (!result.Succeeded)
        {
            // The use case names its fields as the API does ("to"); the form's field is To.
            return Failed(result.Failure.Field is "to" ? result.Failure with { Field = nameof(To) } : result.Failure, Page);
        }

        Summary = result.Value;
        return Page();
    }

    /// <summary>One section of the report as CSV (<see cref="SchemeSummaryCsv"/>), for the same period.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        if (table is null || !SchemeSummaryCsv.Sections.Contains(table, StringComparer.Ordinal))
        {
            return NotFound();
        }

        var result = await ReadAsync(cancellationToken, table);
        if (result is null)
        {
            return BadRequest();
        }

        if (!result.Succeeded)
        {
            return result.Failure.Kind == Application.UseCases.FailureKind.Invalid ? BadRequest() : Refused(result.Failure);
        }

        var text = new StringWriter();
        SchemeSummaryCsv.Write(result.Value, text, table);
        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"evaluation-{table}-{result.Value.AsOf}.csv");
    }

    /// <summary>The compliance table: breaches and, when anyone was monitored in the period, their rates per 100 days monitored.</summary>
    public EvaluationFigures Compliance()
    {
        var c = Summary!.Compliance;
        bool rates = Summary.Caseload.MonitoredPersonDays > 0;
        var rows = new List<(string Label, double? Value)> { ("Curfew breaches", c.CurfewBreaches) };
        if (rates)
        {
            rows.Add(("Curfew breaches per 100 days monitored", c.CurfewBreachesPer100PersonDays));
        }

        rows.Add(("Zone breaches", c.ZoneBreaches));
        if (rates)
        {
            rows.Add(("Zone breaches per 100 days monitored", c.ZoneBreachesPer100PersonDays));
        }

        rows.Add(("All breaches", c.BreachAlerts));
        if (rates)
        {
            rows.Add(("All breaches per 100 days monitored", c.BreachesPer100PersonDays));
        }

        rows.Add(("Device alerts", c.DeviceAlerts));
        // The chart compares the three counts (curfew, zone, device), never a count with a rate.
        return new EvaluationFigures("Breaches in the period", "compliance", rows, [0, rates ? 2 : 1, rows.Count - 1]);
    }

    /// <summary>The address of a table's CSV for the period shown.</summary>
    public string CsvHref(string table) => $"/evaluation?handler=Csv&table={table}{Query(From, "from")}{Query(To, "to")}";

    private static string Query(DateField date, string name) =>
        $"&{name}.day={Uri.EscapeDataString(date.Day ?? "")}&{name}.month={Uri.EscapeDataString(date.Month ?? "")}&{name}.year={Uri.EscapeDataString(date.Year ?? "")}";

    /// <summary>The report for the period in the form, or null when a day in it is not a date (the error is on its field).</summary>
    private async Task<Application.UseCases.UseCaseResult<SchemeSummary>?> ReadAsync(CancellationToken cancellationToken, string? csvSection = null)
    {
        var first = Day(From, nameof(From));
        var last = Day(To, nameof(To));
        if (!ModelState.IsValid)
        {
            return null;
        }

        return await read.ExecuteAsync(await ActorAsync(), new SchemeSummaryRequest(first, last, csvSection), cancellationToken);
    }

    /// <summary>The day typed, null when left blank; a partly typed or impossible date is an error on its field.</summary>
    private LocalDate? Day(DateField typed, string field)
    {
        if (string.IsNullOrWhiteSpace(typed.Day) && string.IsNullOrWhiteSpace(typed.Month) && string.IsNullOrWhiteSpace(typed.Year))
        {
            return null;
        }

        if (!typed.TryRead(out var date, out var error))
        {
            ModelState.AddModelError(field, $"The date {error}");
            return null;
        }

        return date;
    }
}
