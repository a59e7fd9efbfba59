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

        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(path)).StatusCode);
        var noReason = await reviewer.PostAsJsonAsync($"{path}/qualify", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var early = await reviewer.PostAsJsonAsync($"{path}/disclose", new { reason = "too soon" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("a new match cannot become disclosed", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"{path}/qualify", new { reason = "passed the site at the time" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(path)).StatusCode); // qualified is not yet disclosed
        Assert.DoesNotContain((await police.GetFromJsonAsync<JsonElement>("/api/v1/matches")).EnumerateArray(), m => m.GetProperty("id").GetInt64() == match.Id);
        var outcomeTooSoon = await police.PostAsJsonAsync($"{path}/outcome", new { outcome = "arrested" });
        Assert.Equal(HttpStatusCode.NotFound, outcomeTooSoon.StatusCode);

        var disclosed = await (await reviewer.PostAsJsonAsync($"{path}/disclose", new { reason = "robbery investigation" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("disclosed", disclosed.GetProperty("state").GetString());
        Assert.Contains(match.BoroughCode!, disclosed.GetProperty("disclosed_to").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await police.PostAsJsonAsync($"{path}/outcome", new { outcome = "arrested", note = "arrested on suspicion" })).StatusCode);
        var badOutcome = await police.PostAsJsonAsync($"{path}/outcome", new { outcome = "executed" });
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);
        Assert.Contains("outcome", await badOutcome.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var detail = await police.GetFromJsonAsync<JsonElement>(path);
        var steps = detail.GetProperty("reviews").EnumerateArray().Select(r => (r.GetProperty("to").GetString(), r.GetProperty("actor").GetString(), r.GetProperty("outcome").GetString())).ToList();
        Assert.Equal([("qualified", "rae.reviewer", null), ("disclosed", "rae.reviewer", null), ("disclosed", officer, "arrested")], steps);
        Assert.Equal("arrested", detail.GetProperty("match").GetProperty("outcome").GetString());
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

    [Fact]
    public async Task Police_asking_for_a_match_they_may_not_see_get_the_same_404_as_for_an_unknown_id()
    {
        await using var api = await SeededApi.StartAsync();
        using var other = api.ClientFor("police-other");
        using var police = api.ClientFor("police");
        long disclosedElsewhere = api.DisclosedMatch.Id;
        long notDisclosed = api.NewMatch!.Id;
        const long unknown = 987654;

        var unknownBody = await ProblemAsync(await other.GetAsync($"/api/v1/matches/{unknown}"), unknown);
        foreach (var (client, id) in new[] { (other, disclosedElsewhere), (police, notDisclosed), (other, notDisclosed) })
        {
            foreach (string suffix in new[] { "", "/disclosure-pack" })
            {
                var response = await client.GetAsync($"/api/v1/matches/{id}{suffix}");
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal(unknownBody, await ProblemAsync(response, id));
            }

            var outcome = await client.PostAsJsonAsync($"/api/v1/matches/{id}/outcome", new { outcome = "arrested" });
            Assert.Equal(HttpStatusCode.NotFound, outcome.StatusCode);
            Assert.Equal(unknownBody, await ProblemAsync(outcome, id));
        }
    }

    [Fact]
    public async Task A_disclosed_match_stays_disclosed_after_late_fixes_and_its_amendment_reaches_police_only_as_a_supplement()
    {
        await using var api = await SeededApi.StartAsync();
        var services = api.Server.Services;
        var match = api.DisclosedMatch;
        using var police = api.ClientFor("police");
        using var reviewer = api.ClientFor("reviewer");
        string path = $"/api/v1/matches/{match.Id}";
        Assert.Equal(HttpStatusCode.OK, (await police.PostAsJsonAsync($"{path}/outcome", new { outcome = "arrested", note = "arrested on suspicion" })).StatusCode);
        var before = await police.GetFromJsonAsync<JsonElement>(path);

        // A late fix in the crime's window, one second after the stored fix nearest the closest approach, at the same place.
        var tag = Core.Identity.TagId.Parse(match.Tag);
        var closest = NodaTime.Instant.FromUnixTimeMilliseconds(match.ClosestTimeUnixMs);
        var near = (await services.Fixes.ReadAsync(tag, closest - NodaTime.Duration.FromMinutes(10), closest + NodaTime.Duration.FromMinutes(10)))
            .MinBy(f => Math.Abs((f.Time - closest).TotalSeconds))!;
        var late = Core.Fixes.Fix.Create(near.Time + NodaTime.Duration.FromSeconds(1), closest + NodaTime.Duration.FromDays(1), near.Position, 5);
        await services.Fixes.AppendAsync(new Dictionary<Core.Identity.TagId, List<Core.Fixes.Fix>> { [tag] = [late] });
        var run = await services.ScoredCorrelation.RunForFixesAsync(new global::Tagwatch.Correlation.Scored.ScoringParameters(), late.Time, late.Time, "new fixes");

        Assert.NotNull(run);
        Assert.Equal(1, run.Saved.Amended);
        var held = await police.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal(("disclosed", "arrested"), (held.GetProperty("match").GetProperty("state").GetString(), held.GetProperty("match").GetProperty("outcome").GetString()));
        Assert.Equal(before.GetProperty("evidence").GetRawText(), held.GetProperty("evidence").GetRawText());
        Assert.Equal(0, held.GetProperty("amendments").GetArrayLength()); // not yet disclosed to them
        var seen = await reviewer.GetFromJsonAsync<JsonElement>(path);
        var amendment = Assert.Single(seen.GetProperty("amendments").EnumerateArray().ToList());
        Assert.Equal((1, run.Run.Id.ToString()), (amendment.GetProperty("number").GetInt32(), amendment.GetProperty("run").GetString()));
        Assert.Contains("late fixes", amendment.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(before.GetProperty("evidence").GetRawText(), amendment.GetProperty("evidence").GetRawText());
        Assert.Equal(JsonValueKind.Null, amendment.GetProperty("supplement").ValueKind);
        string id = match.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Single(await services.Audit.SearchAsync(new(Action: "amend.match")), e => e.Event.SubjectId == id);

        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync($"{path}/amendments/1/disclose", new { reason = "mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync($"{path}/amendments/1/disclose", new { reason = " " })).StatusCode);
        var supplement = await reviewer.PostAsJsonAsync($"{path}/amendments/1/disclose", new { reason = "late fixes add a point near the robbery" });
        Assert.Equal(HttpStatusCode.OK, supplement.StatusCode);
        Assert.Contains(match.BoroughCode!, (await supplement.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disclosed_to").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsJsonAsync($"{path}/amendments/1/disclose", new { reason = "again" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsJsonAsync($"{path}/amendments/2/disclose", new { reason = "no such amendment" })).StatusCode);

        var after = await police.GetFromJsonAsync<JsonElement>(path);
        var received = Assert.Single(after.GetProperty("amendments").EnumerateArray().ToList());
        Assert.Equal("late fixes add a point near the robbery", received.GetProperty("supplement").GetProperty("reason").GetString());
        Assert.Equal(before.GetProperty("evidence").GetRawText(), after.GetProperty("evidence").GetRawText());
        var disclosed = Assert.Single(await services.Audit.SearchAsync(new(Action: "disclose")), e => e.Event.SubjectId == id); // the seeded disclosure went straight to the store
        Assert.Contains("supplement: amendment 1", disclosed.Event.Data, StringComparison.Ordinal);
        Assert.Equal(("rae.reviewer", "late fixes add a point near the robbery"), (disclosed.Event.Actor, disclosed.Event.Purpose));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await police.GetByteArrayAsync($"{path}/disclosure-pack"));
        string text = string.Join("\n", pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("Supplement1", text, StringComparison.Ordinal);
        Assert.Contains("latefixesaddapointneartherobbery", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evaluation_report_still_counts_disclosed_matches_and_their_outcomes_after_the_engine_changes_them()
    {
        await using var api = await SeededApi.StartAsync();
        var services = api.Server.Services;
        var more = (await services.Matches.ListMatchesAsync()).Where(m => m.Significant && m.BoroughCode is not null && m.State == "new").Take(2).ToList();
        Assert.Equal(2, more.Count); // the seeded pilot has them
        foreach (var m in more)
        {
            await services.Review.DecideAsync(m.Id, Core.Matches.MatchState.Qualified, "close pass", "rae.reviewer", "MatchReviewer");
            await services.Review.DecideAsync(m.Id, Core.Matches.MatchState.Disclosed, "robbery enquiry", "rae.reviewer", "MatchReviewer");
        }

        foreach (long id in more.Select(m => m.Id).Append(api.DisclosedMatch.Id))
        {
            await services.Review.RecordOutcomeAsync(id, Core.Matches.PoliceOutcome.Arrested, null, "sam.police", "Police");
        }

        // A run with a wider buffer changes every match's evidence.
        var rerun = await services.ScoredCorrelation.RunAsync(new global::Tagwatch.Correlation.Scored.ScoringParameters { BufferMetres = 150 }, false, "manual", "rae.reviewer");
        using var evaluator = api.ClientFor("evaluator");
        var report = await evaluator.GetFromJsonAsync<JsonElement>("/api/v1/reports/summary");

        Assert.Equal(3, rerun.Saved.Amended);
        var matches = report.GetProperty("matches");
        Assert.Equal(3, matches.GetProperty("by_state").GetProperty("disclosed").GetInt32());
        Assert.Equal(3, matches.GetProperty("by_outcome").GetProperty("Arrested").GetInt32());
    }

    /// <summary>A 404's problem body with the asked id taken out, so answers about different ids compare.</summary>
    private static async Task<string> ProblemAsync(HttpResponseMessage response, long id)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return string.Join("|", body.EnumerateObject().Where(p => p.Name != "trace_id")
            .Select(p => $"{p.Name}={p.Value.ToString().Replace(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ID", StringComparison.Ordinal)}"));
    }

    private static async Task<(HttpClient Client, string Username)> PoliceOfAsync(SeededApi api, string borough)
    {
        if (borough == api.DisclosedMatch.BoroughCode)
        {
            return (api.ClientFor("police"), "sam.police");
        }

        string name = $"police.{borough}";
        await api.Accounts.CreateAsync(new Application.Accounts.NewUser(name, Core.Access.Role.Police, [borough], []), SeededApi.Password);
        var (_, secret) = await api.Accounts.CreateTokenAsync(name, "tests", TimeSpan.FromDays(1));
        var client = api.ClientFor("anonymous");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return (client, name);
    }
}
