using System.Text.Json;

namespace Tagwatch.Cli.Tests;

public sealed class ConditionCommandsTests
{
    [Fact]
    public async Task Conditions_added_suspended_and_ended_at_the_console_are_audited_in_the_words_the_API_uses()
    {
        using var tagwatch = new Tagwatch();
        string db = tagwatch.DatabasePath;
        await EnrolAsync(tagwatch);

        var zone = await tagwatch.RunAsync("zones", "add", "--offender", "TW-00001", "--kind", "exclusion", "--circle", "51.4700,-0.1000,200", "--label", "victim's street",
            "--buffer", "20", "--from", "2019-03-01T12:00:00Z", "--db", db);
        var suspended = await tagwatch.RunAsync("conditions", "suspend", "1", "--from", "2019-03-02T09:00:00Z", "--to", "2019-03-02T12:00:00Z", "--reason", "court appearance", "--db", db);
        var ended = await tagwatch.RunAsync("conditions", "end", "1", "--db", db);
        var again = await tagwatch.RunAsync("conditions", "end", "1", "--db", db);

        Assert.Equal((0, 0, 0), (zone.ExitCode, suspended.ExitCode, ended.ExitCode));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("no condition 1 in force", again.Error, StringComparison.Ordinal);
        var changes = (await AuditAsync(tagwatch)).Where(r => r.GetProperty("action").GetString() == "change.conditions").ToList();
        Assert.All(changes, r => Assert.Equal("TW-00001", r.GetProperty("subject").GetString()));
        Assert.Equal(
            [
                "condition 1 added: Exclusion 'victim's street', always, grace 0 min, buffer 20 m, from 2019-03-01T12:00:00Z",
                "condition 1 suspended 2019-03-02T09:00:00Z–2019-03-02T12:00:00Z",
                "condition 1 ended",
            ],
            changes.Select(r => r.GetProperty("data").GetString()));
    }

    [Theory]
    [InlineData("--min-fixes", "0", "rules")]
    [InlineData("--from", "2019-02-01T00:00:00Z", "from")]
    public async Task A_condition_the_rules_refuse_exits_with_the_usage_code_naming_the_field(string option, string value, string field)
    {
        using var tagwatch = new Tagwatch();
        await EnrolAsync(tagwatch);

        var result = await tagwatch.RunAsync("zones", "add", "--offender", "TW-00001", "--circle", "51.4700,-0.1000,200", option, value, "--db", tagwatch.DatabasePath);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{field}: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_condition_for_someone_not_enrolled_is_not_found()
    {
        using var tagwatch = new Tagwatch();

        var result = await tagwatch.RunAsync("zones", "add", "--offender", "TW-00009", "--circle", "51.4700,-0.1000,200", "--db", tagwatch.DatabasePath);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("TW-00009", result.Error, StringComparison.Ordinal);
    }

    private static async Task EnrolAsync(Tagwatch tagwatch)
    {
        var enrol = await tagwatch.RunAsync("offenders", "enrol", "--given-name", "Sam", "--family-name", "Example", "--dob", "1998-05-01", "--offence", "robbery",
            "--custodial", "--gps-condition", "--licence-start", "2019-03-01", "--licence-end", "2020-01-31", "--home-lat", "51.4613", "--home-lon", "-0.1156",
            "--risk-tier", "high", "--ref", "TW-00001", "--db", tagwatch.DatabasePath);
        Assert.Equal(0, enrol.ExitCode);
    }

    private static async Task<List<JsonElement>> AuditAsync(Tagwatch tagwatch) =>
        [.. (await tagwatch.RunAsync("audit", "export", "--db", tagwatch.DatabasePath)).Output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement)];
}
