using Tagwatch.Cli.Hosting;
using System.Text.Json;
using Spectre.Console;
using Tagwatch.Application.Imports;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Prints an import report as one JSON line or as a table with the first errors.</summary>
internal static class ReportPrinter
{
    private const int ErrorsShown = 20;

    public static int Print(ImportReport report, bool json)
    {
        if (json)
        {
            CliContext.Current.Out.WriteLine(JsonSerializer.Serialize(report));
        }
        else
        {
            var table = new Table().AddColumns("rows", "accepted", "updated", "duplicates", "flagged", "rejected");
            table.AddRow(Cells(report.Rows, report.Accepted, report.Updated, report.Duplicates, report.Flagged, report.Rejected));
            CliContext.Current.Console.Write(table);
            foreach (var error in report.RowErrors.Take(ErrorsShown))
            {
                CliContext.Current.Console.MarkupLineInterpolated($"[red]rejected[/] {error}");
            }

            if (report.ErrorCount > ErrorsShown)
            {
                CliContext.Current.Console.MarkupLineInterpolated($"… and {report.ErrorCount - ErrorsShown} more errors (--json lists up to {ImportReport.MaxListedErrors}).");
            }
        }

        return report.Rejected > 0 ? ExitCodes.RowsRejected : ExitCodes.Ok;
    }

    private static string[] Cells(params long[] values) => values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
