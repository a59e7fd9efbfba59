using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tagwatch.Server.Web.Pages.Evaluation;

/// <summary>
/// What one chart of the dashboard draws (JSON for <c>data-tw-chart</c>, read by the evaluation-charts module): the same
/// figures as the table beside it, a withheld figure as null (a gap in the chart, "suppressed" in the table).
/// </summary>
internal sealed record EvaluationChart(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("labels")] IReadOnlyList<string> Labels,
    [property: JsonPropertyName("series")] IReadOnlyList<EvaluationChart.Series> Data)
{
    internal sealed record Series(
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("values")] IReadOnlyList<double?> Values);

    /// <summary>A bar chart of one breakdown, in the table's order.</summary>
    public static EvaluationChart Bars(string title, IEnumerable<(string Label, double? Value)> rows)
    {
        var list = rows.ToList();
        return new("bar", title, [.. list.Select(r => r.Label)], [new Series(title, [.. list.Select(r => r.Value)])]);
    }

    /// <summary>Whether there is anything to draw: a chart of withheld figures only would be an empty frame.</summary>
    public bool HasFigures => Data.Any(series => series.Values.Any(v => v is not null));

    public string Json() => JsonSerializer.Serialize(this);
}
