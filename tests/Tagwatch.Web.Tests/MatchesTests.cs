using System.Globalization;
using Microsoft.Playwright;
using NodaTime;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Core.Matches;
using Tagwatch.Correlation.Scored;
using Tagwatch.Server.Tests;

namespace Tagwatch.Web.Tests;

/// <summary>Match review and police in a browser: the queue and its bulk triage, one match's evidence and decisions,
/// disclosure to the crime borough's police who record the outcome, another borough refused, and the near search.</summary>
public sealed class MatchesTests(BrowserFixture browser) : IAsyncLifetime
{
    private SeededApi _seeded = null!;

    /// <summary>New significant matches other than the seeded one, as seeded: each test takes its own.</summary>
    private List<long> _spare = [];

    public async ValueTask InitializeAsync()
    {
        _seeded = await SeededApi.StartAsync();
        _spare = (await _seeded.Server.Services.Matches.ListMatchesAsync())
            .Where(m => m.Significant && m.State == "new" && m.Id != _seeded.NewMatch?.Id)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .ToList();
    }

    public async ValueTask DisposeAsync() => await _seeded.DisposeAsync();

    [Fact]
    public async Task A_reviewer_qualifies_and_discloses_a_match_and_police_of_its_borough_record_the_outcome()
    {
        var match = _seeded.NewMatch ?? throw new InvalidOperationException("the seeded pilot has no second significant match");
        string borough = Core.Boroughs.BoroughMap.London.Find(match.BoroughCode!)!.Name;
        await _seeded.Accounts.CreateAsync(new NewUser("pat.local", Role.Police, [match.BoroughCode!], []), SeededApi.Password);

        await using (var reviewer = await WebSession.SignedInAsync(browser, _seeded, "reviewer"))
        {
            await reviewer.Page.GotoAsync("/matches");
            await Assertions.Expect(reviewer.Page.GetByTestId("match-queue")).ToContainTextAsync($"Match {match.Id}");
            await reviewer.AssertAccessibleAsync();
            await reviewer.ScreenshotAsync("review-queue");

            await reviewer.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"Match {match.Id}", Exact = true }).ClickAsync();
            await Assertions.Expect(reviewer.Page.GetByTestId("evidence-map")).ToHaveAttributeAsync("data-tw-ready", "true");
            await Assertions.Expect(reviewer.Page.GetByTestId("factors")).ToContainTextAsync("Closeness");
            await reviewer.Page.GetByLabel("Qualify: worth passing to police").CheckAsync();
            await reviewer.Page.GetByLabel("Reason", new PageGetByLabelOptions { Exact = true }).FillAsync("close pass during the robbery window");
            await reviewer.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Record decision" }).ClickAsync();
            await Assertions.Expect(reviewer.Page.GetByTestId("notice")).ToContainTextAsync("is now qualified");

            await Assertions.Expect(reviewer.Page.GetByTestId("recipient")).ToContainTextAsync(borough);
            await reviewer.Page.GetByLabel("Purpose of the disclosure").FillAsync("investigation of the robbery");
            await reviewer.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Disclose match {match.Id} to {borough} police" }).ClickAsync();
            await Assertions.Expect(reviewer.Page.GetByTestId("notice")).ToContainTextAsync("has been disclosed");
            await Assertions.Expect(reviewer.Page.GetByTestId("match-state")).ToHaveTextAsync("Disclosed");
            await Assertions.Expect(reviewer.Page.GetByTestId("evidence-map")).ToHaveAttributeAsync("data-tw-ready", "true");
            await reviewer.AssertAccessibleAsync();
            await reviewer.ScreenshotAsync("match-evidence");
            reviewer.AssertNoProblems();
        }

        await using var police = await WebSession.OpenAsync(browser, _seeded.Server.Api.BaseAddress!);
        await police.SignInAsync("pat.local", SeededApi.Password);
        await police.Page.GotoAsync("/matches");
        await Assertions.Expect(police.Page.GetByTestId("match-queue")).ToContainTextAsync($"Match {match.Id}");
        await police.AssertAccessibleAsync();
        await police.ScreenshotAsync("police-matches");

        await police.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"Match {match.Id}", Exact = true }).ClickAsync();
        await Assertions.Expect(police.Page.GetByTestId("pack")).ToHaveAttributeAsync("href", $"/api/v1/matches/{match.Id}/disclosure-pack");
        var pack = await police.Page.APIRequest.GetAsync($"/api/v1/matches/{match.Id}/disclosure-pack");
        Assert.Equal(200, pack.Status);
        Assert.Equal("application/pdf", pack.Headers["content-type"]);
        await police.Page.GetByLabel("Arrested").CheckAsync();
        await police.Page.GetByLabel("Note (optional)").FillAsync("arrested on the evidence of the pack");
        await police.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Record outcome" }).ClickAsync();
        await Assertions.Expect(police.Page.GetByTestId("notice")).ToContainTextAsync("Arrested");
        await police.AssertAccessibleAsync();
        police.AssertNoProblems();

        var stored = (await _seeded.Server.Services.Matches.GetMatchAsync(match.Id))!.Match;
        Assert.Equal(("disclosed", "Arrested"), (stored.State, stored.Outcome));
    }

    [Fact]
    public async Task Police_of_another_borough_get_not_found_for_a_disclosed_match_and_the_refusal_is_audited()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "police-other");
        var response = await web.Page.GotoAsync($"/matches/{_seeded.DisclosedMatch.Id}");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Page not found" })).ToBeVisibleAsync();
        var refusals = await _seeded.Server.Services.Audit.SearchAsync(new AuditQuery(Actor: SeededApi.Usernames["police-other"], Action: AuditActions.Refused));
        var refusal = Assert.Single(refusals, r => r.Event.SubjectId == _seeded.DisclosedMatch.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("match", refusal.Event.SubjectType);
        Assert.Contains("not disclosed to this account", refusal.Event.Data, StringComparison.Ordinal);

        await web.Page.GotoAsync("/matches");
        await Assertions.Expect(web.Page.GetByTestId("no-matches")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_reviewer_dismisses_two_matches_at_once_with_one_reason_and_is_told_what_happened_to_each()
    {
        long first = _spare[0], second = _spare[1];
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "reviewer");
        await web.Page.GotoAsync("/matches");
        await web.Page.GetByLabel($"Select match {first}", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await web.Page.GetByLabel($"Select match {second}", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await web.Page.GetByLabel("Dismiss", new PageGetByLabelOptions { Exact = true }).CheckAsync();

        // Without a reason nothing changes, and the form says so against the reason.
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Apply to selected matches" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator("#Bulk_Reason-error")).ToContainTextAsync("reason");
        Assert.Equal("new", (await _seeded.Server.Services.Matches.GetMatchAsync(first))!.Match.State);

        await web.Page.GetByLabel("Reason (recorded against each match)").FillAsync("the tag's owner lives on the street");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Apply to selected matches" }).ClickAsync();

        var results = web.Page.GetByTestId("bulk-results");
        await Assertions.Expect(results).ToContainTextAsync($"Match {first}: dismissed");
        await Assertions.Expect(results).ToContainTextAsync($"Match {second}: dismissed");
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"Match {first}", Exact = true })).ToHaveCountAsync(0);
        foreach (long id in new[] { first, second })
        {
            var reviews = await _seeded.Server.Services.Matches.ReviewsAsync(id);
            Assert.Equal(("dismissed", "the tag's owner lives on the street"), (reviews[^1].ToState, reviews[^1].Reason));
        }

        await web.AssertAccessibleAsync();
        web.AssertNoProblems();
    }

    [Fact]
    public async Task A_reviewer_qualifies_a_match_with_the_keyboard_alone()
    {
        long id = _spare[2];
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "reviewer");
        await web.Page.GotoAsync($"/matches/{id}");

        for (int presses = 0; presses < 200 && await web.Page.EvaluateAsync<string>("document.activeElement?.id ?? ''") != "Decide_Decision"; presses++)
        {
            await web.Page.Keyboard.PressAsync("Tab");
        }

        await web.Page.Keyboard.PressAsync("Space");
        await web.Page.Keyboard.PressAsync("Tab");
        await web.Page.Keyboard.TypeAsync("seen at the scene on every fix");
        await web.Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync($"Match {id} is now qualified");
        Assert.Equal("qualified", (await _seeded.Server.Services.Matches.GetMatchAsync(id))!.Match.State);
    }

    [Fact]
    public async Task A_crime_description_containing_a_script_tag_renders_as_text()
    {
        const string text = "<script>document.title='owned'</script> taken from the bus stop";
        var services = _seeded.Server.Services;
        var seeded = _seeded.DisclosedMatch;
        var crime = (await services.Crimes.HistoryAsync(seeded.Force, seeded.CrimeReference))[^1];
        await services.Crimes.UpsertAsync([crime with { Reference = "XSS-1", Version = 1, Text = text }], Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()));
        await services.ScoredCorrelation.RunForCrimesAsync(new ScoringParameters(), [(crime.Force, "XSS-1")], "test");
        var match = (await services.Matches.ListMatchesAsync()).First(m => m.CrimeReference == "XSS-1");

        await using var web = await WebSession.SignedInAsync(browser, _seeded, "reviewer");
        await web.Page.GotoAsync($"/matches/{match.Id}");

        await Assertions.Expect(web.Page.GetByTestId("crime-description")).ToHaveTextAsync(text);
        await Assertions.Expect(web.Page.Locator("[data-testid=crime-description] script")).ToHaveCountAsync(0);
        await Assertions.Expect(web.Page).Not.ToHaveTitleAsync("owned");
        web.AssertNoProblems();
    }

    [Fact]
    public async Task A_near_search_without_a_purpose_is_refused_against_the_field_and_with_one_shows_the_tags_near()
    {
        var services = _seeded.Server.Services;
        var seeded = _seeded.DisclosedMatch;
        var crime = (await services.Crimes.HistoryAsync(seeded.Force, seeded.CrimeReference))[^1];
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        string Local(Instant at) => TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), london).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var closest = Instant.FromUnixTimeMilliseconds(seeded.ClosestTimeUnixMs);

        await using var web = await WebSession.SignedInAsync(browser, _seeded, "police");
        await web.Page.GotoAsync("/near");
        await web.Page.GetByLabel("Latitude of the centre").FillAsync(crime.Position.Latitude.ToString("0.000000", CultureInfo.InvariantCulture));
        await web.Page.GetByLabel("Longitude of the centre").FillAsync(crime.Position.Longitude.ToString("0.000000", CultureInfo.InvariantCulture));
        await web.Page.GetByLabel("Radius in metres").FillAsync("150");
        await web.Page.GetByLabel("From (London time)").FillAsync(Local(closest - Duration.FromHours(1)));
        await web.Page.GetByLabel("To (London time)").FillAsync(Local(closest + Duration.FromHours(1)));
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search" }).ClickAsync();

        await Assertions.Expect(web.Page.Locator("#Input_Purpose-error")).ToContainTextAsync("purpose");
        await Assertions.Expect(web.Page.Locator(".govuk-error-summary a[href='#Input_Purpose']")).ToBeVisibleAsync();
        await web.AssertAccessibleAsync();

        await web.Page.GetByLabel("Purpose").FillAsync("investigation of the robbery at the bus stop");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search" }).ClickAsync();

        await Assertions.Expect(web.Page.GetByTestId("near-results")).ToContainTextAsync(seeded.Tag);
        await Assertions.Expect(web.Page.GetByTestId("near-map")).ToHaveAttributeAsync("data-tw-ready", "true");
        await web.AssertAccessibleAsync();
        await web.ScreenshotAsync("near-search");
        web.AssertNoProblems();
    }

    [Theory]
    [InlineData("probation", "/matches", 403)]
    [InlineData("evaluator", "/matches", 403)]
    [InlineData("evaluator", "/near", 403)]
    [InlineData("monitoring", "/near", 403)]
    public async Task Roles_without_matches_or_searches_get_the_refusal_page(string principal, string path, int status)
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, principal);
        var response = await web.Page.GotoAsync(path);

        Assert.Equal(status, response!.Status);
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "You do not have access to this page" })).ToBeVisibleAsync();
    }
}
