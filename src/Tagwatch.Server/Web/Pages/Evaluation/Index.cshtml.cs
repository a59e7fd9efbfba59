using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;
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
    private static readonly LocalDatePattern DateInput = LocalDatePattern.Iso;

    /// <summary>The first day (yyyy-MM-dd); blank: since the scheme began.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>The last day, included (yyyy-MM-dd); blank: today.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

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

        var result = await ReadAsync(cancellationToken);
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
    public string CsvHref(string table) =>
        $"/evaluation?handler=Csv&table={table}&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}";

    /// <summary>The report for the period in the form, or null when a day in it is not a date (the error is on its field).</summary>
    private async Task<Application.UseCases.UseCaseResult<SchemeSummary>?> ReadAsync(CancellationToken cancellationToken)
    {
        var first = Day(From, nameof(From));
        var last = Day(To, nameof(To));
        if (!ModelState.IsValid)
        {
            return null;
        }

        return await read.ExecuteAsync(await ActorAsync(), new SchemeSummaryRequest(first, last), cancellationToken);
    }

    private LocalDate? Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = DateInput.Parse(text.Trim());
        if (!parsed.Success)
        {
            ModelState.AddModelError(field, "Enter a real date");
            return null;
        }

        return parsed.Value;
    }
}
