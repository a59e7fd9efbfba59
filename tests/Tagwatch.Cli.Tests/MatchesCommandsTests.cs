using System.Globalization;
using System.Text.Json;

namespace Tagwatch.Cli.Tests;

public sealed class MatchesCommandsTests
{
    [Fact]
    public async Task A_disclosed_match_rerun_with_other_parameters_stays_disclosed_shows_its_amendment_and_discloses_it_as_a_supplement()
    {
        using var tagwatch = new Tagwatch();
        await tagwatch.RunAsync("demo", "--tags", "4", "--days", "3", "--crimes-per-day", "50");
        var list = JsonDocument.Parse((await tagwatch.RunAsync("matches", "list", "--significant", "--state", "new", "--json")).Output).RootElement;
        string match = list[0].GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
        await tagwatch.RunAsync("matches", "qualify", match, "--reason", "passed the site during the window");
        await tagwatch.RunAsync("matches", "disclose", match, "--reason", "robbery enquiry");
        await tagwatch.RunAsync("matches", "outcome", match, "--outcome", "arrested");
        var disclosed = JsonDocument.Parse((await tagwatch.RunAsync("matches", "show", match)).Output).RootElement;

        var rerun = await tagwatch.RunAsync("correlate", "--radius", "150", "--out", "scored.csv"); // a wider buffer changes the evidence
        var amended = JsonDocument.Parse((await tagwatch.RunAsync("matches", "show", match)).Output).RootElement;
        var noReason = await tagwatch.RunAsync("matches", "supplement", match, "--amendment", "1");
        var supplement = await tagwatch.RunAsync("matches", "supplement", match, "--amendment", "1", "--reason", "wider buffer, longer dwell");
        var shown = JsonDocument.Parse((await tagwatch.RunAsync("matches", "show", match)).Output).RootElement;
        var audit = await tagwatch.RunAsync("audit", "export", "--subject", match);

        Assert.Equal(0, rerun.ExitCode);
        // This match and the demo's own disclosed one: each stays disclosed with an amendment.
        Assert.Matches(@"\b[1-9]\d* disclosed with an amendment", rerun.Error + rerun.Output);
        Assert.Equal("disclosed", amended.GetProperty("state").GetString());
        Assert.Equal(disclosed.GetProperty("evidence").GetRawText(), amended.GetProperty("evidence").GetRawText());
        var amendment = Assert.Single(amended.GetProperty("amendments").EnumerateArray().ToList());
        Assert.Equal(1, amendment.GetProperty("number").GetInt32());
        Assert.Contains("evidence changed", amendment.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, amendment.GetProperty("supplement").ValueKind);
        Assert.Equal(2, noReason.ExitCode);
        Assert.Equal(0, supplement.ExitCode);
        Assert.Contains("disclosed as a supplement", supplement.Output, StringComparison.Ordinal);
        Assert.Equal("wider buffer, longer dwell", shown.GetProperty("amendments")[0].GetProperty("supplement").GetProperty("reason").GetString());
        var actions = audit.Output.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement.GetProperty("action").GetString()).ToList();
        Assert.Equal(["review.match", "disclose", "outcome.match", "view.match", "amend.match", "view.match", "disclose", "view.match"], actions);
    }
}
