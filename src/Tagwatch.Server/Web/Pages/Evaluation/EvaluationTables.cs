using System.Globalization;

namespace Tagwatch.Server.Web.Pages.Evaluation;

/// <summary>A table of headline figures (one a row) and which of them the chart beside it draws.</summary>
/// <param name="Chart">The rows charted (counts of one kind side by side); none: no chart (figures of different kinds).</param>
internal sealed record EvaluationFigures(string Title, string Id, IReadOnlyList<(string Label, double? Value)> Rows, int[]? Chart = null)
{
    public EvaluationChart? Drawn => Chart is null ? null : EvaluationChart.Bars(Title, Chart.Select(i => Rows[i]));
}

/// <summary>A breakdown of the report as a table (one category a row, a withheld count as the report marks it) and its chart.</summary>
/// <param name="Cells">The breakdown; null when the report withholds it whole.</param>
/// <param name="Name">How a category is written (a borough's name for its code); as it is when not given.</param>
internal sealed record EvaluationBreakdown(string Title, string Id, string Heading, IReadOnlyDictionary<string, int?>? Cells, Func<string, string>? Name = null)
{
    public IReadOnlyList<(string Label, int? Count)> Rows =>
        Cells is null ? [] : [.. Cells.Select(c => (Label: (Name ?? (n => n))(c.Key), Count: c.Value)).OrderBy(r => r.Label, StringComparer.Ordinal)];

    public EvaluationChart Drawn => EvaluationChart.Bars(Title, Rows.Select(r => (r.Label, (double?)r.Count)));
}

/// <summary>How the dashboard writes a figure: a count with thousands separated, a rate to two places, a withheld one as such.</summary>
internal static class EvaluationText
{
    public const string Suppressed = "suppressed";

    public static string Figure(double? value) => value is { } v ? v.ToString("#,0.##", CultureInfo.InvariantCulture) : Suppressed;
}
