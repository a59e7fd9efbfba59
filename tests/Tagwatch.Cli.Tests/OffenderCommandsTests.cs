using System.Text.Json;

namespace Tagwatch.Cli.Tests;

public sealed class OffenderCommandsTests
{
    private static string[] Enrol(Tagwatch tagwatch, string family, params string[] extra) =>
    [
        "offenders", "enrol", "--db", tagwatch.DatabasePath, "--given-name", "Sam", "--family-name", family, "--dob", "1998-05-01",
        "--offence", "robbery", "--custodial", "--gps-condition", "--licence-start", "2019-03-01", "--licence-end", "2020-09-01",
        "--home-lat", "51.4613", "--home-lon", "-0.1156", "--risk-tier", "high", "--json", .. extra,
    ];

    [Fact]
    public async Task Enrol_ThenCapacityReached_RefusesUntilRaised()
    {
        using var tagwatch = new Tagwatch();
        Assert.Equal(0, (await tagwatch.RunAsync("scheme", "set", "--capacity", "1", "--db", tagwatch.DatabasePath)).ExitCode);

        var first = await tagwatch.RunAsync(Enrol(tagwatch, "One"));
        var second = await tagwatch.RunAsync(Enrol(tagwatch, "Two"));
        await tagwatch.RunAsync("scheme", "set", "--capacity", "2", "--db", tagwatch.DatabasePath);
        var third = await tagwatch.RunAsync(Enrol(tagwatch, "Two"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("TW-00001", JsonDocument.Parse(first.Output).RootElement.GetProperty("reference").GetString());
        Assert.Equal("2020-02-29", JsonDocument.Parse(first.Output).RootElement.GetProperty("monitoring_end").GetString());
        Assert.Equal(4, second.ExitCode);
        Assert.Equal("capacity", JsonDocument.Parse(second.Output).RootElement.GetProperty("refusals")[0].GetProperty("rule").GetString());
        Assert.Equal(0, third.ExitCode);
    }

    [Fact]
    public async Task Enrol_SameNameAndDateOfBirthTwice_EnrolsWithAWarningNamingTheFirst()
    {
        using var tagwatch = new Tagwatch();
        await tagwatch.RunAsync(Enrol(tagwatch, "One"));

        var again = await tagwatch.RunAsync(Enrol(tagwatch, "ONE "));
        var text = await tagwatch.RunAsync([.. Enrol(tagwatch, "one").Where(a => a != "--json")]);

        Assert.Equal(0, again.ExitCode);
        var result = JsonDocument.Parse(again.Output).RootElement;
        Assert.Equal("TW-00002", result.GetProperty("reference").GetString());
        Assert.Equal(["TW-00001"], result.GetProperty("likely_duplicates").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("likely duplicate: TW-00001", result.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Warning: likely duplicate: TW-00001, TW-00002", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrol_MissingDateOfBirth_IsAUsageError()
    {
        using var tagwatch = new Tagwatch();
        var args = Enrol(tagwatch, "One").ToList();
        args[args.IndexOf("--dob") + 1] = "01/05/1998";

        var result = await tagwatch.RunAsync([.. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--dob: '01/05/1998' is not a date (yyyy-MM-dd)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListShowRiskEnd_Lifecycle()
    {
        using var tagwatch = new Tagwatch();
        await tagwatch.RunAsync(Enrol(tagwatch, "One"));

        var risk = await tagwatch.RunAsync("offenders", "risk", "TW-00001", "--tier", "very-high", "--reason", "new intelligence", "--from", "2019-04-01", "--db", tagwatch.DatabasePath);
        var end = await tagwatch.RunAsync("offenders", "end", "tw-00001", "--reason", "recalled", "--date", "2019-06-30", "--db", tagwatch.DatabasePath);
        var show = await tagwatch.RunAsync("offenders", "show", "TW-00001", "--json", "--db", tagwatch.DatabasePath);
        var list = await tagwatch.RunAsync("offenders", "list", "--json", "--db", tagwatch.DatabasePath);
        var unknown = await tagwatch.RunAsync("offenders", "show", "TW-00099", "--db", tagwatch.DatabasePath);

        Assert.Equal(0, risk.ExitCode);
        Assert.Equal(0, end.ExitCode);
        var record = JsonDocument.Parse(show.Output).RootElement;
        Assert.Equal("ended", record.GetProperty("record").GetProperty("status").GetString());
        Assert.Equal("2019-06-30", record.GetProperty("record").GetProperty("monitoring_end").GetString());
        Assert.Equal(2, record.GetProperty("risk_history").GetArrayLength());
        Assert.DoesNotContain("Sam", list.Output, StringComparison.Ordinal); // the list is pseudonymous
        Assert.Equal(1, unknown.ExitCode); // unknown, as every use case answers an unknown subject
        Assert.Contains("TW-00099", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_AsText_ShowsTheRecordWithItsIndexOffences()
    {
        using var tagwatch = new Tagwatch();
        await tagwatch.RunAsync(Enrol(tagwatch, "One"));

        var show = await tagwatch.RunAsync("offenders", "show", "TW-00001", "--db", tagwatch.DatabasePath);

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("robbery", show.Output, StringComparison.Ordinal);
        Assert.Contains("Sam One", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_NameAndReasonWithBrackets_AreShownAsWritten()
    {
        using var tagwatch = new Tagwatch();
        await tagwatch.RunAsync(Enrol(tagwatch, "Smith [red]"));
        await tagwatch.RunAsync("offenders", "risk", "TW-00001", "--tier", "very-high", "--reason", "intelligence [ref 42]", "--db", tagwatch.DatabasePath);

        var show = await tagwatch.RunAsync("offenders", "show", "TW-00001", "--db", tagwatch.DatabasePath);

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Sam Smith [red]", show.Output, StringComparison.Ordinal);
        Assert.Contains("intelligence [ref 42]", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemeSet_IsRecordedWithTheUseCasesText_TheSameTheApiRecords()
    {
        using var tagwatch = new Tagwatch();

        var set = await tagwatch.RunAsync("scheme", "set", "--capacity", "120", "--borough", "Lambeth", "--borough", "E09000008", "--correlation-tier", "high", "--db", tagwatch.DatabasePath);
        var unknown = await tagwatch.RunAsync("scheme", "set", "--borough", "Gotham", "--db", tagwatch.DatabasePath);
        var audit = await tagwatch.RunAsync("audit", "export", "--action", "change.settings", "--db", tagwatch.DatabasePath);

        Assert.Equal(0, set.ExitCode);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("'Gotham' is not a London borough", unknown.Error, StringComparison.Ordinal);
        var record = JsonDocument.Parse(audit.Output.Trim()).RootElement;
        Assert.Equal("Administrator", record.GetProperty("role").GetString());
        // EnrolmentApiTests asserts the same text for PUT /scheme.
        Assert.Equal("scheme: capacity 120; boroughs [E09000022,E09000008]; 2019-02-18–2020-02-17; correlation from High", record.GetProperty("data").GetString());
    }

    [Fact]
    public async Task EnrolListShowEndRisk_AreRecordedWithTheUseCasesText()
    {
        using var tagwatch = new Tagwatch();
        await tagwatch.RunAsync(Enrol(tagwatch, "One"));
        await tagwatch.RunAsync("offenders", "list", "--db", tagwatch.DatabasePath);
        await tagwatch.RunAsync("offenders", "end", "TW-00001", "--reason", "recalled", "--date", "2019-06-30", "--db", tagwatch.DatabasePath);

        var audit = (await tagwatch.RunAsync("audit", "export", "--db", tagwatch.DatabasePath)).Output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("subject_type").GetString() == "offender").ToList();

        Assert.Equal(
            ["enrolled; risk High; licence 2019-03-01–2020-09-01", "caseload list: TW-00001", "monitoring ended on 2019-06-30: recalled"],
            audit.Select(r => r.GetProperty("data").GetString()));
        Assert.All(audit, r => Assert.Equal("ProbationOfficer", r.GetProperty("role").GetString()));
    }
}
