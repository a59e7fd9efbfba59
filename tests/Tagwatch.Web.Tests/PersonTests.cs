using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tagwatch.Application.Audit;
using Tagwatch.Server.Tests;

namespace Tagwatch.Web.Tests;

/// <summary>The person's page: the caseload, conditions in words, a zone drawn on the map, trail playback and its downloads.</summary>
public sealed class PersonTests(BrowserFixture browser) : IAsyncLifetime
{
    private SeededApi _seeded = null!;

    public async ValueTask InitializeAsync() => _seeded = await SeededApi.StartAsync();

    public async ValueTask DisposeAsync() => await _seeded.DisposeAsync();

    [Fact]
    public async Task A_probation_officer_draws_an_exclusion_zone_on_the_map_and_it_is_added_to_the_licence()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "probation");
        await web.Page.GotoAsync("/people");
        await web.AssertAccessibleAsync();
        await web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = _seeded.CaseloadReference }).ClickAsync();
        await Assertions.Expect(web.Page.Locator("#person-map[data-tw-ready]")).ToBeVisibleAsync();
        await web.ScreenshotAsync("person");

        await web.Page.GetByLabel("Name").FillAsync("Station forecourt");
        await web.Page.GetByLabel("Radius (metres)").FillAsync("150");
        var map = web.Page.Locator("#person-map");
        var box = (await map.BoundingBoxAsync())!;
        await map.ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width * 0.6f, Y = box.Height * 0.4f } });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-tw-drawn", "circle");
        Assert.NotEqual("", await web.Page.GetByLabel("Centre latitude").InputValueAsync());
        await web.ScreenshotAsync("zone-drawing");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add condition" }).ClickAsync();

        await Assertions.Expect(web.Page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Station forecourt");
        await Assertions.Expect(web.Page.Locator("#conditions")).ToContainTextAsync("Station forecourt");
        await Assertions.Expect(web.Page.Locator("#conditions")).ToContainTextAsync("at all times");
        await web.AssertAccessibleAsync();
        web.AssertNoProblems();
    }

    [Fact]
    public async Task A_polygon_curfew_with_a_schedule_is_shown_in_words_and_a_bad_schedule_is_refused_against_its_field()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "probation");
        await web.Page.GotoAsync($"/people/{_seeded.CaseloadReference}");
        await web.Page.GetByLabel("Curfew (at home)").CheckAsync();
        await web.Page.GetByLabel("Polygon", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await web.Page.GetByLabel("Name").FillAsync("Home curfew");
        await web.Page.GetByLabel("Polygon corners").FillAsync("51.4500, -0.1010\n51.4510, -0.0990\n51.4490, -0.0990");
        await web.Page.GetByLabel("When it applies").FillAsync("Mon-Fri 25:00-07:00");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add condition" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator("#Zone_Schedule-error")).ToBeVisibleAsync();

        await web.Page.GetByLabel("When it applies").FillAsync("Mon-Fri 19:00-07:00");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add condition" }).ClickAsync();

        await Assertions.Expect(web.Page.Locator("#conditions")).ToContainTextAsync("Mondays, Tuesdays, Wednesdays, Thursdays, Fridays, 19:00 to 07:00 the next morning");
    }

    [Fact]
    public async Task The_trail_plays_back_and_its_period_downloads_as_gpx_and_kml()
    {
        var first = _seeded.Pilot.Options.Start;
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "probation");
        await web.Page.GotoAsync($"/people/{_seeded.CaseloadReference}/trail?From={first:yyyy-MM-dd}&To={first.PlusDays(3):yyyy-MM-dd}");
        var player = web.Page.Locator("[data-tw-module=trail-player][data-tw-ready]");
        await Assertions.Expect(player).ToBeVisibleAsync();
        Assert.True(int.Parse(await player.GetAttributeAsync("data-tw-fixes") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 100);
        string before = await player.GetAttributeAsync("data-tw-cursor") ?? "";

        await web.Page.GetByLabel("Speed").SelectOptionAsync("360");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Play" }).ClickAsync();
        await Assertions.Expect(player).Not.ToHaveAttributeAsync("data-tw-cursor", before);
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Pause" }).ClickAsync();
        await web.ScreenshotAsync("trail-playback");
        await web.AssertAccessibleAsync();
        web.AssertNoProblems();

        string gpx = (await web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "GPX (GPS track)" }).GetAttributeAsync("href"))!;
        var download = await web.Page.APIRequest.GetAsync(gpx);
        Assert.Equal(200, download.Status);
        Assert.Contains("<trkpt", await download.TextAsync(), StringComparison.Ordinal);
        string kml = (await web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "KML (Google Earth)" }).GetAttributeAsync("href"))!;
        Assert.Contains("<gx:coord>", await (await web.Page.APIRequest.GetAsync(kml)).TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monitoring_centre_reads_a_persons_page_from_an_alert_but_cannot_change_it()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "monitoring");
        await web.Page.GotoAsync($"/people/{_seeded.CaseloadReference}");

        await Assertions.Expect(web.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Alerts" })).ToBeVisibleAsync();
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Play back the trail" })).ToBeVisibleAsync();
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add condition" })).ToHaveCountAsync(0);
        await Assertions.Expect(web.Page.Locator("form[method=post]").Filter(new LocatorFilterOptions { HasNot = web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }) })).ToHaveCountAsync(0);
        await web.AssertAccessibleAsync();
        web.AssertNoProblems();
    }

    [Fact]
    public async Task Another_caseloads_person_by_direct_address_is_refused_and_the_attempt_is_audited()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "probation-other");
        var response = await web.Page.GotoAsync($"/people/{_seeded.CaseloadReference}");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "You do not have access to this page" })).ToBeVisibleAsync();
        var audit = _seeded.Server.App.Services.GetRequiredService<IAuditLog>();
        var records = await audit.SearchAsync(new AuditQuery(Actor: SeededApi.Usernames["probation-other"], Action: AuditActions.Refused), CancellationToken.None);
        Assert.Contains(records, r => r.Event.SubjectId == _seeded.CaseloadReference && r.Event.Data.Contains("/people/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_holding_a_script_tag_is_shown_as_text()
    {
        using var probation = _seeded.ClientFor("probation");
        var enrolled = await probation.PostAsJsonAsync("/api/v1/offenders", new
        {
            given_name = "<script>document.title='owned'</script>", family_name = "Example", date_of_birth = "1990-01-01",
            index_offences = new[] { "Robbery" }, custodial_sentence_served = true, gps_licence_condition = true,
            licence_start = "2019-03-01", licence_end = "2019-09-01", latitude = 51.4613, longitude = -0.1156, risk_tier = "High",
        });
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        string reference = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;

        await using var web = await WebSession.SignedInAsync(browser, _seeded, "probation");
        await web.Page.GotoAsync($"/people/{reference}");

        await Assertions.Expect(web.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToContainTextAsync("<script>document.title='owned'</script> Example");
        // Had the tag run, the title would be "owned"; shown as text, it is the name itself.
        Assert.StartsWith("<script>document.title='owned'</script> Example", await web.Page.TitleAsync(), StringComparison.Ordinal);
    }
}
