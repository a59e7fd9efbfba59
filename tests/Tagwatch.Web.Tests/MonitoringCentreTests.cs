using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Server.Tests;

namespace Tagwatch.Web.Tests;

/// <summary>
/// The monitoring centre in a browser: a live fix from a phone running OsmAnd breaches an exclusion zone while the
/// queue is open, the alert appears without a reload, and the officer acknowledges and resolves it from the keyboard.
/// </summary>
public sealed class MonitoringCentreTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly GeoPoint Victim = new(51.4613, -0.1156);
    private SeededApi _seeded = null!;

    public async ValueTask InitializeAsync() => _seeded = await SeededApi.StartAsync();

    public async ValueTask DisposeAsync() => await _seeded.DisposeAsync();

    private static Instant Now => Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());

    [Fact]
    public async Task A_live_fix_in_an_exclusion_zone_appears_in_the_open_queue_and_is_acknowledged_and_resolved_from_the_keyboard()
    {
        string reference = await WearTheOsmAndTagWithAnExclusionZoneAsync("<script>alert('zone')</script>");
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "monitoring");
        await web.Page.GotoAsync("/monitoring");
        await Assertions.Expect(web.Page.Locator("#alert-queue")).ToHaveAttributeAsync("data-tw-live", "on");
        await WaitForTheStreamAsync();
        await Assertions.Expect(web.Page.GetByTestId("live-map-status")).ToContainTextAsync("worn tag");

        await SendFixAsync(Now - Duration.FromMinutes(3));
        await SendFixAsync(Now - Duration.FromMinutes(1));

        var row = web.Page.Locator("#alert-queue tr", new PageLocatorOptions { HasText = reference });
        await Assertions.Expect(row).ToContainTextAsync("Exclusion zone breach");
        await Assertions.Expect(row).ToContainTextAsync("<script>alert('zone')</script>"); // a label is text, never markup
        await Assertions.Expect(web.Page.GetByTestId("queue-announcer")).ToContainTextAsync($"New alert: Critical Exclusion zone breach, {reference}");
        await Assertions.Expect(web.Page.GetByTestId("live-map-status")).ToContainTextAsync("1 in breach");
        await web.AssertAccessibleAsync();
        await web.ScreenshotAsync("monitoring-centre");

        // Keyboard only from here: the row's link, the note, the buttons.
        await row.GetByRole(AriaRole.Link).FocusAsync();
        await web.Page.Keyboard.PressAsync("Enter");
        await web.Page.WaitForURLAsync(new Regex("/alerts/[0-9]+$"));
        await web.Page.GetByLabel("Note").FocusAsync();
        await web.Page.Keyboard.TypeAsync("Called the wearer, police informed");
        await web.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Acknowledge" })).ToBeFocusedAsync();
        await web.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync("acknowledged");
        await Assertions.Expect(web.Page.GetByTestId("alert-state")).ToHaveTextAsync("Acknowledged");
        await Assertions.Expect(web.Page.GetByTestId("alert-history")).ToContainTextAsync("Called the wearer, police informed");

        // Resolving needs a note: the refusal is said against the note field.
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Resolve" }).FocusAsync();
        await web.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(web.Page.Locator("#Input_Note-error")).ToContainTextAsync("needs a note");
        await web.AssertAccessibleAsync();
        await web.Page.GetByLabel("Note").FocusAsync();
        await web.Page.Keyboard.TypeAsync("Wearer left the zone; officer visited");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Resolve" }).FocusAsync();
        await web.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(web.Page.GetByTestId("alert-state")).ToHaveTextAsync("Resolved");
        await Assertions.Expect(web.Page.Locator(".tw-map .leaflet-interactive").First).ToBeVisibleAsync(); // the evidence fixes are drawn
        await web.AssertAccessibleAsync();
        await web.ScreenshotAsync("alert");
        web.AssertNoProblems();
    }

    [Fact]
    public async Task The_queue_filters_are_a_get_form_and_an_unknown_value_is_said_against_its_field()
    {
        await RaiseAsync(AlertKind.LowBattery, "battery at 15%");
        await RaiseAsync(AlertKind.Sos, "device reported sos");
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "monitoring");
        await web.Page.GotoAsync("/monitoring");
        await Assertions.Expect(web.Page.Locator("#alert-queue")).ToContainTextAsync("battery at 15%");

        await web.Page.GetByLabel("Severity").SelectOptionAsync("critical");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Apply filters" }).ClickAsync();

        await Assertions.Expect(web.Page).ToHaveURLAsync(new Regex("Filter.Severity=critical"));
        await Assertions.Expect(web.Page.Locator("#alert-queue")).ToContainTextAsync("device reported sos");
        await Assertions.Expect(web.Page.Locator("#alert-queue")).Not.ToContainTextAsync("battery at 15%");
        await web.Page.GotoAsync("/monitoring?Filter.Type=bogus");
        await Assertions.Expect(web.Page.Locator("#Filter_Type-error")).ToContainTextAsync("Choose an alert type");
        await web.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("police")]
    [InlineData("evaluator")]
    public async Task Roles_without_alerts_get_the_refusal_page_for_the_centre_and_an_alert_and_the_attempt_is_audited(string principal)
    {
        long id = await RaiseAsync(AlertKind.Sos, "device reported sos");
        await using var web = await WebSession.SignedInAsync(browser, _seeded, principal);

        foreach (string path in new[] { "/monitoring", $"/alerts/{id.ToString(CultureInfo.InvariantCulture)}" })
        {
            var response = await web.Page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(web.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "You do not have access to this page" })).ToBeVisibleAsync();
        }

        await Assertions.Expect(web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Monitoring" })).ToHaveCountAsync(0);
        var refusals = await _seeded.Server.Services.Audit.SearchAsync(new AuditQuery(Actor: SeededApi.Usernames[principal], Action: AuditActions.Refused));
        Assert.Contains(refusals, r => r.Event.SubjectType == "alert" && r.Event.SubjectId == id.ToString(CultureInfo.InvariantCulture)
            && r.Event.Data.StartsWith($"403 GET /alerts/{id.ToString(CultureInfo.InvariantCulture)}: the {(principal == "police" ? "Police" : "Evaluator")} role does not have ViewAlerts", StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Event.Data.StartsWith("403 GET /monitoring:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_role_is_answered_by_the_monitoring_pages_as_its_alert_permission_and_caseload_allow()
    {
        var wearer = (await _seeded.Server.Services.Offenders.ListAsync()).Single(o => o.Reference.ToString() == _seeded.CaseloadReference);
        long id = (await _seeded.Server.Services.Alerts.RaiseAsync(
            new Alert(0, AlertKind.Sos, AlertSeverity.Critical, AlertState.Open, TagId.Parse(RunningServer.Gt06Imei), wearer.Id, null, Now, null, Now, "device reported sos", "{}", 0), "raised")).Id;
        var expected = new Dictionary<string, (HttpStatusCode Centre, HttpStatusCode Alert)>
        {
            ["monitoring"] = (HttpStatusCode.OK, HttpStatusCode.OK),
            ["probation"] = (HttpStatusCode.OK, HttpStatusCode.OK),
            ["probation-other"] = (HttpStatusCode.OK, HttpStatusCode.Forbidden),
            ["admin"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            ["police"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            ["police-other"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            ["reviewer"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            ["evaluator"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            ["auditor"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        };

        var answered = new Dictionary<string, (HttpStatusCode Centre, HttpStatusCode Alert)>();
        foreach (string principal in expected.Keys)
        {
            using var client = _seeded.Server.NewClient(new CookieContainer());
            using var session = await client.PostAsJsonAsync("/api/v1/session", new { username = SeededApi.Usernames[principal], password = SeededApi.Password });
            session.EnsureSuccessStatusCode();
            using var centre = await client.GetAsync("/monitoring");
            using var alert = await client.GetAsync($"/alerts/{id.ToString(CultureInfo.InvariantCulture)}");
            answered[principal] = (centre.StatusCode, alert.StatusCode);
        }

        Assert.Equal(expected, answered);
        using var anonymous = _seeded.Server.NewClient(new CookieContainer());
        using var signIn = await anonymous.GetAsync("/monitoring");
        Assert.Equal("/sign-in", signIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private async Task<long> RaiseAsync(AlertKind kind, string summary) =>
        (await _seeded.Server.Services.Alerts.RaiseAsync(
            new Alert(0, kind, kind.Severity, AlertState.Open, TagId.Parse(RunningServer.Gt06Imei), null, null, Now, null, Now, summary, "{}", 0), "raised")).Id;

    /// <summary>Someone enrolled wears the OsmAnd phone, with an exclusion zone round a victim's street added ten minutes ago.</summary>
    private async Task<string> WearTheOsmAndTagWithAnExclusionZoneAsync(string label)
    {
        var services = _seeded.Server.Services;
        var enrolled = await _seeded.EnrolMonitoredTodayAsync("Zone");
        await services.Tags.AssignAsync(TagId.Parse(RunningServer.OsmAndId), enrolled.Id, Now - Duration.FromHours(1));
        var addedEarlier = new Storage.Monitoring.EfConditionStore(services.Database, new FakeTimeProvider((Now - Duration.FromMinutes(10)).ToDateTimeOffset()));
        await addedEarlier.AddAsync(new LicenceCondition(0, enrolled.Id, ConditionKind.Exclusion, ZoneArea.Circle(Victim, 200), Schedule.Always, Duration.Zero, new DecisionRules(), label), 0, "officer");
        _seeded.Server.App.Services.GetRequiredService<LicenceMonitor>().InvalidateCaches();
        return enrolled.Reference.ToString();
    }

    private async Task SendFixAsync(Instant at)
    {
        using var response = await _seeded.Server.OsmAnd.GetAsync(string.Create(
            CultureInfo.InvariantCulture, $"/?id={RunningServer.OsmAndId}&lat={Victim.Latitude}&lon={Victim.Longitude}&timestamp={at.ToUnixTimeSeconds()}&accuracy=8&batt=64"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The page's stream answers its headers before it subscribes; a fix sent before that would raise its alert unseen.</summary>
    private async Task WaitForTheStreamAsync()
    {
        var feed = _seeded.Server.App.Services.GetRequiredService<AlertFeed>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (feed.Subscribers == 0)
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
