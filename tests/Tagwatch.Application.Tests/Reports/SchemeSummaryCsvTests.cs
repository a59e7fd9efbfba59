using Tagwatch.Application.Reports;

namespace Tagwatch.Application.Tests.Reports;

public sealed class SchemeSummaryCsvTests
{
    private static readonly SchemeSummary Summary = new(
        "2019-05-10",
        "note",
        new SchemeSummary.CaseloadFigures(5, 150, null, null, null,
        [
            new SchemeSummary.MonthCaseload("2019-03", new Dictionary<string, int?> { ["E09000008"] = 3, ["E09000001"] = 0 }),
            new SchemeSummary.MonthCaseload("2019-04", null),
        ]),
        new SchemeSummary.ComplianceFigures(4, 2.67, 9, null, null, 4, 2.67),
        new SchemeSummary.AlertFigures(13, null, null, null, [new SchemeSummary.AlertResponseTimes(Core.Alerts.AlertKind.Sos, 4, 12.5, null, null)]),
        new SchemeSummary.MatchFigures(7, 7, null, null, 4, 3, null),
        new SchemeSummary.PeriodCovered("2019-03-01", "2019-04-30"),
        [new SchemeSummary.AreaCrimeMonth("2019-03", new Dictionary<string, int> { ["Burglary"] = 1 })]);

    [Fact]
    public void Write_OneSection_WritesTheReportRowsAndThatSectionOnly()
    {
        var output = new StringWriter { NewLine = "\n" };

        SchemeSummaryCsv.Write(Summary, output, "caseload");

        string[] lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("section,figure,category,count", lines[0]);
        Assert.Contains("report,from,2019-03-01,", lines);
        Assert.Contains("caseload,by_month_and_home_borough,2019-03 E09000008,3", lines);
        Assert.Contains("caseload,by_month_and_home_borough,2019-03 E09000001,0", lines);
        // A month withheld whole stays withheld: one row, no count.
        Assert.Contains("caseload,by_month_and_home_borough,2019-04 *,", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("compliance,", StringComparison.Ordinal) || l.StartsWith("matches,", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_WithheldFigure_HasAnEmptyCount()
    {
        var output = new StringWriter();

        SchemeSummaryCsv.Write(Summary, output, "compliance");

        string text = output.ToString().ReplaceLineEndings("\n");
        Assert.Contains("compliance,curfew_breaches,,\n", text, StringComparison.Ordinal);
        Assert.Contains("compliance,zone_breaches_per_100_person_days,,2.67\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ResponseTimesAndAreaCrime_OneRowAFigure()
    {
        var output = new StringWriter();

        SchemeSummaryCsv.Write(Summary, output);

        string text = output.ToString().ReplaceLineEndings("\n");
        Assert.Contains("alerts,median_minutes_to_acknowledge,sos,12.50\n", text, StringComparison.Ordinal);
        Assert.Contains("alerts,resolved,sos,\n", text, StringComparison.Ordinal);
        Assert.Contains("area_crime,by_month_and_category,2019-03 Burglary,1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_UnknownSection_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SchemeSummaryCsv.Write(Summary, new StringWriter(), "people"));
}
