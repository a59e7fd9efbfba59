using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tagwatch.Server.Tests;

/// <summary>new → qualified/dismissed → disclosed to the crime's borough → outcomes, each step attributed, reasoned and audited.</summary>
public sealed class MatchWorkflowTests
{
    [Fact]
    public async Task A_reviewed_match_reaches_only_its_boroughs_police_who_record_the_outcome()
    {
        await using var api = await SeededApi.StartAsync();
        var match = api.NewMatch ?? throw new InvalidOperationException("the seeded pilot has a second significant match");
        using var reviewer = api.ClientFor("reviewer");
        var (police, officer) = await PoliceOfAsync(api, match.BoroughCode!);
        using var _ = police;
        string path = $"/api/v1/matches/{match.Id}";

        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync(path)).StatusCode);
        var noReason = await reviewer.PostAsJsonAsync($"{path}/qualify", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var early = await reviewer.PostAsJsonAsync($"{path}/disclose", new { reason = "too soon" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("a new match cannot become disclosed", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"{path}/qualify", new { reason = "passed the site at the time" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync(path)).StatusCode);
        var outcomeTooSoon = await police.PostAsJsonAsync($"{path}/outcome", new { outcome = "arrested" });
        Assert.Equal(HttpStatusCode.Conflict, outcomeTooSoon.StatusCode);

        var disclosed = await (await reviewer.PostAsJsonAsync($"{path}/disclose", new { reason = "robbery investigation" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("disclosed", disclosed.GetProperty("state").GetString());
        Assert.Contains(match.BoroughCode!, disclosed.GetProperty("disclosed_to").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await police.PostAsJsonAsync($"{path}/outcome", new { outcome = "arrested", note = "arrested on suspicion" })).StatusCode);
        var badOutcome = await police.PostAsJsonAsync($"{path}/outcome", new { outcome = "executed" });
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);
        Assert.Contains("outcome", await badOutcome.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var detail = await police.GetFromJsonAsync<JsonElement>(path);
        var steps = detail.GetProperty("reviews").EnumerateArray().Select(r => (r.GetProperty("to").GetString(), r.GetProperty("actor").GetString(), r.GetProperty("outcome").GetString())).ToList();
        Assert.Equal([("qualified", "rae.reviewer", null), ("disclosed", "rae.reviewer", null), ("disclosed", officer, "Arrested")], steps);
        Assert.Equal("Arrested", detail.GetProperty("match").GetProperty("outcome").GetString());
        var disclosure = (await api.Server.Services.Audit.SearchAsync(new(Action: "disclose"))).Single(e => e.Event.SubjectId == match.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("robbery investigation", "rae.reviewer"), (disclosure.Event.Purpose, disclosure.Event.Actor));
        Assert.Contains(match.BoroughCode!, disclosure.Event.DisclosedTo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_match_that_is_not_significant_is_never_disclosed_and_a_withdrawn_one_cannot_be_reviewed()
    {
        await using var api = await SeededApi.StartAsync();
        var matches = await api.Server.Services.Matches.ListMatchesAsync();
        var weak = matches.FirstOrDefault(m => !m.Significant && m.State == "new");
        Assert.NotNull(weak); // the seeded pilot has one
        using var reviewer = api.ClientFor("reviewer");

        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/matches/{weak.Id}/qualify", new { reason = "look closer" })).StatusCode);
        var refused = await reviewer.PostAsJsonAsync($"/api/v1/matches/{weak.Id}/disclose", new { reason = "share" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("only significant matches", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsJsonAsync("/api/v1/matches/987654/qualify", new { reason = "x" })).StatusCode);
    }

    private static async Task<(HttpClient Client, string Username)> PoliceOfAsync(SeededApi api, string borough)
    {
        if (borough == api.DisclosedMatch.BoroughCode)
        {
            return (api.ClientFor("police"), "sam.police");
        }

        string name = $"police.{borough}";
        await api.Accounts.CreateAsync(new Storage.Accounts.NewUser(name, Core.Access.Role.Police, [borough], []), SeededApi.Password);
        var (_, secret) = await api.Accounts.CreateTokenAsync(name, "tests", TimeSpan.FromDays(1));
        var client = api.ClientFor("anonymous");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return (client, name);
    }
}
