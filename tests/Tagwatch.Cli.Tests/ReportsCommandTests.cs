using System.Text.Json;

namespace Tagwatch.Cli.Tests;

public sealed class ReportsCommandTests
{
    [Fact]
    public async Task Summary_AsJsonAndCsv_WithholdsTheSameCountsAndNoneCanBeWorkedOutFromTotals()
    {
        using var tagwatch = new Tagwatch();
        Assert.Equal(0, (await tagwatch.RunAsync("simulate", "--tags", "7", "--days", "3", "--seed", "3", "--load")).ExitCode);

        var json = await tagwatch.RunAsync("reports", "summary");
        var csv = await tagwatch.RunAsync("reports", "summary", "--csv");

        Assert.Equal(0, json.ExitCode);
        Assert.Equal(0, csv.ExitCode);
        var report = JsonDocument.Parse(json.Output).RootElement;
        Assert.Empty(SmallCellAttack.Findings(report));
        var rows = csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToList();
        foreach (var section in new[] { "caseload", "alerts", "matches" })
        {
            foreach (var figure in report.GetProperty(section).EnumerateObject())
            {
                var inCsv = rows.Where(r => r[0] == section && r[1] == figure.Name).ToList();
                switch (figure.Value.ValueKind)
                {
                    case JsonValueKind.Object:
                        Assert.Equal(
                            figure.Value.EnumerateObject().Select(c => (c.Name, c.Value.ValueKind == JsonValueKind.Null ? "" : c.Value.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))).OrderBy(c => c.Name, StringComparer.Ordinal),
                            inCsv.Select(r => (r[2], r[3])));
                        break;
                    case JsonValueKind.Null:
                        Assert.Equal(("*", ""), (Assert.Single(inCsv)[2], inCsv[0][3]));
                        break;
                    case JsonValueKind.Array when figure.Name == "by_month":
                        // Each month's caseload by home borough: the rows "by_month_and_home_borough", "<month> <borough>".
                        foreach (var month in figure.Value.EnumerateArray())
                        {
                            string name = month.GetProperty("month").GetString()!;
                            foreach (var borough in month.GetProperty("by_home_borough").EnumerateObject())
                            {
                                string expected = borough.Value.ValueKind == JsonValueKind.Null ? "" : borough.Value.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
                                Assert.Equal(expected, Assert.Single(rows, r => r[0] == section && r[1] == "by_month_and_home_borough" && r[2] == $"{name} {borough.Name}")[3]);
                            }
                        }

                        break;
                    case JsonValueKind.Array when figure.Name == "response_times":
                        // One row per alert type and count: the same counts withheld (empty) in both.
                        foreach (var times in figure.Value.EnumerateArray())
                        {
                            string type = times.GetProperty("type").GetString()!;
                            foreach (string count in new[] { "acknowledged", "resolved" })
                            {
                                var value = times.GetProperty(count);
                                string expected = value.ValueKind == JsonValueKind.Null ? "" : value.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
                                Assert.Equal(expected, Assert.Single(rows, r => r[0] == section && r[1] == count && r[2] == type)[3]);
                            }
                        }

                        break;
                    default:
                        Assert.Equal(figure.Value.ToString(), Assert.Single(inCsv)[3]);
                        break;
                }
            }
        }
    }

    [Fact]
    public async Task Summary_ForAPeriod_CountsOnlyItsDays_AndRefusesABadDayOrAPeriodThatEndsBeforeItStarts()
    {
        using var tagwatch = new Tagwatch();
        Assert.Equal(0, (await tagwatch.RunAsync("simulate", "--tags", "3", "--days", "2", "--seed", "3", "--load")).ExitCode);

        var period = await tagwatch.RunAsync("reports", "summary", "--from", "2001-06-01", "--to", "2001-06-30", "--csv");
        Assert.Equal(0, period.ExitCode);
        var lines = period.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("report,from,2001-06-01,", lines);
        Assert.Contains("report,to,2001-06-30,", lines);
        Assert.Contains("alerts,total,,0", lines);

        var notADay = await tagwatch.RunAsync("reports", "summary", "--from", "2001-02-30");
        Assert.Equal(2, notADay.ExitCode);
        Assert.Contains("--from", notADay.Error + notADay.Output, StringComparison.Ordinal);

        var backwards = await tagwatch.RunAsync("reports", "summary", "--from", "2001-06-30", "--to", "2001-06-01");
        Assert.Equal(2, backwards.ExitCode);
        Assert.Contains("same as or after the first day", backwards.Error, StringComparison.Ordinal);
    }
}
