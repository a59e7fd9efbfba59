using System.Text.Json;

namespace Tagwatch.Cli.Tests;

public sealed class AlertCommandsTests
{
    [Fact]
    public async Task ZoneImportEvaluateAckResolve_GivesOneAlertWithItsWholeTrail()
    {
        using var tagwatch = new Tagwatch();
        string db = tagwatch.DatabasePath;
        var enrol = await tagwatch.RunAsync("offenders", "enrol", "--given-name", "Sam", "--family-name", "Example", "--dob", "1998-05-01", "--offence", "robbery",
            "--custodial", "--gps-condition", "--licence-start", "2019-03-01", "--licence-end", "2020-01-31", "--home-lat", "51.4613", "--home-lon", "-0.1156",
            "--risk-tier", "high", "--ref", "TW-00001", "--db", db);
        Assert.Equal(0, enrol.ExitCode);
        await tagwatch.RunAsync("tags", "add", "359339075010002", "--db", db);
        await tagwatch.RunAsync("tags", "assign", "359339075010002", "--offender", "TW-00001", "--from", "2019-03-01T00:00:00Z", "--db", db);

        var zone = await tagwatch.RunAsync("zones", "add", "--offender", "TW-00001", "--kind", "exclusion", "--circle", "51.4700,-0.1000,200", "--label", "victim's street", "--from", "2019-03-01T00:00:00Z", "--db", db);
        Assert.Equal(0, zone.ExitCode);
        string csv = tagwatch.Write("fixes.csv", "tag_id,timestamp,lat,lon,accuracy_m\n"
            + string.Concat(Enumerable.Range(0, 6).Select(i => $"359339075010002,2019-03-02T10:0{i}:00Z,51.4700,-0.1001,8\n")));
        Assert.Equal(0, (await tagwatch.RunAsync("import", "fixes", csv, "--no-correlate", "--db", db)).ExitCode);

        var evaluated = await tagwatch.RunAsync("alerts", "evaluate", "--from", "2019-03-02T00:00:00Z", "--db", db);
        var listed = await tagwatch.RunAsync("alerts", "list", "--json", "--db", db);

        Assert.Equal(0, evaluated.ExitCode);
        var alert = JsonDocument.Parse(listed.Output.Trim().Split('\n').Single()).RootElement;
        Assert.Equal("exclusion_breach", alert.GetProperty("type").GetString());
        Assert.Equal("TW-00001", alert.GetProperty("offender").GetString());
        Assert.Equal("2019-03-02T10:00:00Z", alert.GetProperty("start").GetString());
        long id = alert.GetProperty("id").GetInt64();

        Assert.Equal(0, (await tagwatch.RunAsync("alerts", "ack", $"{id}", "--by", "operator 7", "--db", db)).ExitCode);
        var noNote = await tagwatch.RunAsync("alerts", "resolve", $"{id}", "--by", "operator 7", "--db", db);
        Assert.NotEqual(0, noNote.ExitCode);
        Assert.Equal(0, (await tagwatch.RunAsync("alerts", "resolve", $"{id}", "--by", "operator 7", "--note", "police informed", "--db", db)).ExitCode);
        var shown = JsonDocument.Parse((await tagwatch.RunAsync("alerts", "show", $"{id}", "--db", db)).Output).RootElement;
        // The 2019 licence ended long before today, so the breach, still ongoing at its last fix, ended with the monitoring.
        Assert.Equal(["raised", "ended", "acknowledged", "resolved"], shown.GetProperty("trail").EnumerateArray().Select(t => t.GetProperty("action").GetString()));
        Assert.StartsWith("monitoring ended", shown.GetProperty("trail")[1].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal("resolved", shown.GetProperty("state").GetString());

        // The pass read the worn tags' fixes, and the steps name their notes: each recorded as the API records it.
        var audit = (await tagwatch.RunAsync("audit", "export", "--db", db)).Output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var pass = Assert.Single(audit, r => r.GetProperty("action").GetString() == "view.trail");
        Assert.StartsWith("monitoring pass over the fixes of 1 worn tags from 2019-03-02T00:00:00Z", pass.GetProperty("data").GetString(), StringComparison.Ordinal);
        Assert.Equal(["acknowledged", "resolved: police informed"],
            audit.Where(r => r.GetProperty("action").GetString() == "handle.alert").Select(r => r.GetProperty("data").GetString()));
    }

    [Theory]
    [InlineData("zones", "add", "--offender", "TW-00001", "--circle", "51.47,-0.10", "--circle-missing")]
    [InlineData("curfews", "add", "--offender", "TW-00001", "--address", "51.47,-0.10,50")]
    [InlineData("zones", "add", "--offender", "TW-00001", "--wkt", "POINT(0 51)")]
    public async Task BadConditionOptions_AreRefusedWithAReason(params string[] args)
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync([.. args.Where(a => a != "--circle-missing"), "--db", tagwatch.DatabasePath]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches("circle|schedule|POLYGON", result.Output + result.Error);
    }

    [Fact]
    public async Task What_the_console_reads_and_changes_is_recorded_in_the_audit_log()
    {
        using var tagwatch = new Tagwatch();
        string db = tagwatch.DatabasePath;
        await tagwatch.RunAsync("offenders", "enrol", "--given-name", "Sam", "--family-name", "Example", "--dob", "1998-05-01", "--offence", "robbery",
            "--custodial", "--gps-condition", "--licence-start", "2019-03-01", "--licence-end", "2020-01-31", "--home-lat", "51.4613", "--home-lon", "-0.1156",
            "--risk-tier", "high", "--ref", "TW-00001", "--db", db);
        await tagwatch.RunAsync("offenders", "show", "TW-00001", "--db", db);
        await tagwatch.RunAsync("zones", "add", "--offender", "TW-00001", "--kind", "exclusion", "--circle", "51.4700,-0.1000,200", "--db", db);
        await tagwatch.RunAsync("alerts", "list", "--db", db);

        var export = await tagwatch.RunAsync("audit", "export", "--db", db);

        var records = export.Output.Trim().Split('\n').Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["change.record", "view.record", "change.conditions", "view.alerts"], records.Select(r => r.GetProperty("action").GetString()));
        Assert.All(records, r => Assert.StartsWith("console:", r.GetProperty("actor").GetString(), StringComparison.Ordinal));
        Assert.Equal("TW-00001", records[1].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Console_lists_of_matches_and_conditions_and_the_statistics_are_recorded_in_the_audit_log()
    {
        using var tagwatch = new Tagwatch();
        string db = tagwatch.DatabasePath;
        await tagwatch.RunAsync("offenders", "enrol", "--given-name", "Sam", "--family-name", "Example", "--dob", "1998-05-01", "--offence", "robbery",
            "--custodial", "--gps-condition", "--licence-start", "2019-03-01", "--licence-end", "2020-01-31", "--home-lat", "51.4613", "--home-lon", "-0.1156",
            "--risk-tier", "high", "--ref", "TW-00001", "--db", db);
        await tagwatch.RunAsync("zones", "add", "--offender", "TW-00001", "--kind", "exclusion", "--circle", "51.4700,-0.1000,200", "--label", "victim's street", "--db", db);

        Assert.Equal(0, (await tagwatch.RunAsync("matches", "list", "--db", db)).ExitCode);
        Assert.Equal(0, (await tagwatch.RunAsync("conditions", "list", "--db", db)).ExitCode);
        Assert.Equal(0, (await tagwatch.RunAsync("stats", "--db", db)).ExitCode);
        var export = await tagwatch.RunAsync("audit", "export", "--db", db);

        var records = export.Output.Trim().Split('\n').Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).TakeLast(3).ToList();
        Assert.Equal(["list.matches", "view.record", "view.statistics"], records.Select(r => r.GetProperty("action").GetString()));
        Assert.All(records, r => Assert.StartsWith("console:", r.GetProperty("actor").GetString(), StringComparison.Ordinal));
        Assert.Contains("TW-00001", records[1].GetProperty("data").GetString(), StringComparison.Ordinal);
    }
}
