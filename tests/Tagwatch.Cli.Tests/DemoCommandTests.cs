using System.Globalization;
using System.Text.Json;

namespace Tagwatch.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_SmallPilot_BuildsADatabaseAndCanRunAgain()
    {
        using var tagwatch = new Tagwatch();

        var first = await tagwatch.RunAsync("demo", "--tags", "4", "--days", "2", "--crimes-per-day", "50");
        var second = await tagwatch.RunAsync("demo", "--tags", "4", "--days", "2", "--crimes-per-day", "50");
        var stats = await tagwatch.RunAsync("stats", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Demo pilot", first.Output, StringComparison.Ordinal);
        var json = JsonDocument.Parse(stats.Output).RootElement;
        Assert.Equal(4, json.GetProperty("offenders").GetInt32());
        Assert.InRange(json.GetProperty("fixes").GetInt32(), 4 * 2 * 1000, 4 * 2 * 1440);
    }

    [Fact]
    public async Task Demo_LivesInThePresent_EveryRoleHasSomethingToDo()
    {
        using var tagwatch = new Tagwatch();
        var uk = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        string today = uk.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), later = uk.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var demo = await tagwatch.RunAsync("demo", "--tags", "20", "--days", "7", "--crimes-per-day", "100");
        var people = JsonDocument.Parse((await tagwatch.RunAsync("offenders", "list", "--json")).Output).RootElement;
        var enrol = await tagwatch.RunAsync(
            "offenders", "enrol", "--given-name", "Sam", "--family-name", "New", "--dob", "1995-05-01", "--offence", "robbery", "--custodial", "--gps-condition",
            "--licence-start", today, "--licence-end", later, "--home-lat", "51.4613", "--home-lon", "-0.1156", "--risk-tier", "high", "--json");
        var openAlerts = await tagwatch.RunAsync("alerts", "list", "--state", "open", "--json");
        var awaiting = JsonDocument.Parse((await tagwatch.RunAsync("matches", "list", "--significant", "--state", "new", "--json")).Output).RootElement;
        var disclosed = JsonDocument.Parse((await tagwatch.RunAsync("matches", "list", "--state", "disclosed", "--json")).Output).RootElement;
        var outcomes = await tagwatch.RunAsync("audit", "export", "--action", "outcome.match");

        Assert.Equal(0, demo.ExitCode);
        Assert.Equal(20, people.GetArrayLength());
        Assert.All(people.EnumerateArray(), p => Assert.Equal("active", p.GetProperty("status").GetString()));
        Assert.All(people.EnumerateArray(), p => Assert.True(string.CompareOrdinal(p.GetProperty("monitoring_end").GetString(), today) > 0));
        Assert.Equal(0, enrol.ExitCode);
        Assert.True(JsonDocument.Parse(enrol.Output).RootElement.GetProperty("accepted").GetBoolean());
        Assert.NotEmpty(openAlerts.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(awaiting.GetArrayLength() > 0);
        Assert.Equal(1, disclosed.GetArrayLength());
        string match = disclosed[0].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"\"subject\":\"{match}\"", outcomes.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_WouldOverwriteAnotherDatabase_Refuses()
    {
        using var tagwatch = new Tagwatch();
        await tagwatch.RunAsync("scheme", "set", "--capacity", "5");

        var result = await tagwatch.RunAsync("demo", "--tags", "2", "--days", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a demo database", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_SameSeedTwice_WritesIdenticalFiles()
    {
        using var tagwatch = new Tagwatch();

        await tagwatch.RunAsync("simulate", "--tags", "3", "--days", "2", "--seed", "9", "--out", "a");
        await tagwatch.RunAsync("simulate", "--tags", "3", "--days", "2", "--seed", "9", "--out", "b");

        foreach (var name in new[] { "fixes.csv", "crimes.csv", "offenders.csv", "truth.csv", "events.csv" })
        {
            var a = File.ReadAllBytes(Path.Combine(tagwatch.WorkingDirectory, "a", name));
            Assert.NotEmpty(a);
            Assert.Equal(a, File.ReadAllBytes(Path.Combine(tagwatch.WorkingDirectory, "b", name)));
        }
    }

    [Fact]
    public async Task Simulate_FilesImportBack()
    {
        using var tagwatch = new Tagwatch();
        await tagwatch.RunAsync("simulate", "--tags", "2", "--days", "1", "--out", "sim");

        var fixes = await tagwatch.RunAsync("import", "fixes", "sim/fixes.csv", "--create-tags", "--json");
        var crimes = await tagwatch.RunAsync("import", "crimes", "sim/crimes.csv", "--format", "tagwatch", "--json");

        Assert.Equal(0, fixes.ExitCode);
        Assert.Equal(0, crimes.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(fixes.Output).RootElement.GetProperty("rejected").GetInt32());
        Assert.True(JsonDocument.Parse(crimes.Output).RootElement.GetProperty("accepted").GetInt32() > 300);
    }

    [Fact]
    public async Task ImportCrimes_IntoADemo_AreCorrelatedAtOnceAndCanBeRunStrictAndScored()
    {
        using var tagwatch = new Tagwatch();
        // The same seed gives the same people: the demo holds their trails, the files hold crimes planted on them.
        await tagwatch.RunAsync("demo", "--tags", "4", "--days", "5", "--crimes-per-day", "0");
        await tagwatch.RunAsync("simulate", "--tags", "4", "--days", "5", "--crimes-per-day", "50", "--until", "now", "--out", "sim");

        var imported = await tagwatch.RunAsync("import", "crimes", "sim/crimes.csv", "--format", "tagwatch", "--json");
        var strict = await tagwatch.RunAsync("correlate", "--strict", "--radius", "100", "--pad", "10m", "--out", "strict.csv");
        var scored = await tagwatch.RunAsync("correlate", "--all-tags", "--out", "scored.csv");

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("correlation (new or changed crimes)", imported.Error, StringComparison.Ordinal);
        Assert.Equal(0, strict.ExitCode);
        Assert.Equal("crime_ref,tag_id,fix_count,min_distance_m", File.ReadLines(Path.Combine(tagwatch.WorkingDirectory, "strict.csv")).First());
        Assert.True(File.ReadLines(Path.Combine(tagwatch.WorkingDirectory, "strict.csv")).Count() > 1);
        var strictAudit = await tagwatch.RunAsync("audit", "export", "--action", "run.correlation");
        Assert.Contains("strict run: radius 100 m, pad 10m", strictAudit.Output, StringComparison.Ordinal);
        Assert.Equal(0, scored.ExitCode);
        var lines = File.ReadLines(Path.Combine(tagwatch.WorkingDirectory, "scored.csv")).ToList();
        Assert.Equal("crime_ref,offender_ref,tag_id,score,significant,min_distance_m,closest_time,dwell_s,gap_s,factors", lines[0]);
        Assert.Contains(lines.Skip(1), l => l.Contains(",true,", StringComparison.Ordinal));

        // Only matches awaiting review: the import replaced some of the demo's crimes, withdrawing their matches.
        var list = await tagwatch.RunAsync("matches", "list", "--significant", "--state", "new", "--json");
        var matches = JsonDocument.Parse(list.Output).RootElement;
        Assert.True(matches.GetArrayLength() > 0);
        long id = matches[0].GetProperty("id").GetInt64();
        var show = await tagwatch.RunAsync("matches", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var detail = JsonDocument.Parse(show.Output).RootElement;
        Assert.True(detail.GetProperty("evidence").GetArrayLength() > 0);
        Assert.True(detail.GetProperty("factors").GetProperty("closeness").GetDouble() > 0);
        Assert.EndsWith("Z", detail.GetProperty("evidence")[0].GetProperty("time").GetString(), StringComparison.Ordinal); // the API's style: snake_case, ISO instants
        Assert.True(detail.GetProperty("evidence")[0].GetProperty("distance_m").GetDouble() >= 0);
        var missing = await tagwatch.RunAsync("matches", "show", "999999");
        Assert.Equal(1, missing.ExitCode); // not found, as every use case's NotFound answers
        Assert.Contains("There is no match 999999", missing.Error, StringComparison.Ordinal);

        string match = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var early = await tagwatch.RunAsync("matches", "disclose", match, "--reason", "robbery enquiry");
        var unreasoned = await tagwatch.RunAsync("matches", "qualify", match);
        var qualified = await tagwatch.RunAsync("matches", "qualify", match, "--reason", "passed the site during the window");
        var disclosed = await tagwatch.RunAsync("matches", "disclose", match, "--reason", "robbery enquiry");
        var outcome = await tagwatch.RunAsync("matches", "outcome", match, "--outcome", "no-further-action", "--note", "seen on CCTV elsewhere");
        var audit = await tagwatch.RunAsync("audit", "export", "--subject", match);

        Assert.Equal(4, early.ExitCode); // not allowed in the match's state, as every use case's Conflict answers
        Assert.Contains("a new match cannot become disclosed", early.Error, StringComparison.Ordinal);
        Assert.Equal(2, unreasoned.ExitCode);
        Assert.Equal(0, qualified.ExitCode);
        Assert.Equal(0, disclosed.ExitCode);
        Assert.Matches(@"Disclosed to \S+ police — \w+", disclosed.Output);
        Assert.Equal(0, outcome.ExitCode);
        var actions = audit.Output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement.GetProperty("action").GetString()).ToList();
        Assert.Equal(["view.match", "review.match", "disclose", "outcome.match"], actions);

        // The disclosure pack and the audit log, written to files (whole, through a rename), the pack recorded.
        var pack = await tagwatch.RunAsync("matches", "pack", match, "--out", "pack.pdf");
        var exported = await tagwatch.RunAsync("audit", "export", "--subject", match, "--out", "audit.jsonl");

        Assert.Equal(0, pack.ExitCode);
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync(Path.Combine(tagwatch.WorkingDirectory, "pack.pdf")), StringComparison.Ordinal);
        Assert.Equal(0, exported.ExitCode);
        string[] records = await File.ReadAllLinesAsync(Path.Combine(tagwatch.WorkingDirectory, "audit.jsonl"));
        Assert.Equal("export", JsonDocument.Parse(records[^1]).RootElement.GetProperty("action").GetString());
        Assert.Empty(Directory.GetFiles(tagwatch.WorkingDirectory, "*.tmp"));
    }
}
