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
    public async Task A_zone_in_force_is_changed_by_dragging_a_corner_on_the_map_and_the_old_one_ends()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "probation");
        await web.Page.GotoAsync($"/people/{_seeded.CaseloadReference}");
        await web.Page.GetByLabel("Polygon", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await web.Page.GetByLabel("Name").FillAsync("Victim's estate");
        await web.Page.GetByLabel("Polygon corners").FillAsync("51.4500, -0.1010\n51.4510, -0.0990\n51.4490, -0.0990");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add condition" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator("#conditions")).ToContainTextAsync("Victim's estate");

        await web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Change Victim's estate" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator("#add-zone")).ToHaveTextAsync("Change “Victim's estate”");
        Assert.Equal("51.45, -0.101\n51.451, -0.099\n51.449, -0.099", await web.Page.GetByLabel("Polygon corners").InputValueAsync());
        var handles = web.Page.Locator("#person-map .tw-map__handle");
        await Assertions.Expect(handles).ToHaveCountAsync(3);
        await web.Page.Locator("#person-map").ScrollIntoViewIfNeededAsync(); // the link opened the form, below the map
        var corner = (await handles.First.BoundingBoxAsync())!;
        await web.Page.Mouse.MoveAsync(corner.X + corner.Width / 2, corner.Y + corner.Height / 2);
        await web.Page.Mouse.DownAsync();
        await web.Page.Mouse.MoveAsync(corner.X - 40, corner.Y + 30, new MouseMoveOptions { Steps = 5 });
        await web.Page.Mouse.UpAsync();
        string moved = await web.Page.GetByLabel("Polygon corners").InputValueAsync();
        Assert.NotEqual("51.45, -0.101", moved.Split('\n')[0]);
        Assert.Equal(3, moved.Split('\n').Length);
        await web.ScreenshotAsync("zone-change");
        await web.AssertAccessibleAsync();
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save the change" }).ClickAsync();

        await Assertions.Expect(web.Page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("changed: the new area applies from now");
        await Assertions.Expect(web.Page.Locator("#conditions tbody tr", new PageLocatorOptions { HasText = "Victim's estate" })).ToHaveCountAsync(1);
        await Assertions.Expect(web.Page.Locator("#add-zone")).ToHaveTextAsync("Add a zone or curfew");
        var changes = await _seeded.Server.Services.Audit.SearchAsync(new AuditQuery(Action: AuditActions.ChangeConditions));
        Assert.Contains(changes, r => r.Event.Data.Contains("changed into condition", StringComparison.Ordinal) && r.Event.Data.Contains("Victim's estate", StringComparison.Ordinal));
        web.AssertNoProblems();
    }

    [Fact]
    public async Task Changing_a_condition_that_is_no_longer_in_force_says_so_against_the_form()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "probation");
        await web.Page.GotoAsync($"/people/{_seeded.CaseloadReference}?change=987654#add-zone");

        await Assertions.Expect(web.Page.Locator(".govuk-error-summary")).ToContainTextAsync("There is no condition 987654 in force to change");
        await Assertions.Expect(web.Page.Locator("#add-zone")).ToHaveTextAsync("Add a zone or curfew");
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
