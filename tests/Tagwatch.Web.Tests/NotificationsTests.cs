using Microsoft.Playwright;
using Tagwatch.Server.Tests;

namespace Tagwatch.Web.Tests;

/// <summary>The notifications page: a probation officer opts in to their caseload's alerts; the monitoring centre reads the record.</summary>
public sealed class NotificationsTests(BrowserFixture browser) : IAsyncLifetime
{
    private SeededApi _seeded = null!;

    public async ValueTask InitializeAsync() => _seeded = await SeededApi.StartAsync();

    public async ValueTask DisposeAsync() => await _seeded.DisposeAsync();

    [Fact]
    public async Task A_probation_officer_opts_in_with_an_address_a_bad_one_refused_against_its_field_and_opts_out()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "probation");
        await web.Page.GotoAsync("/notifications");
        await web.AssertAccessibleAsync();

        var field = web.Page.GetByLabel("E-mail address for your caseload's alerts");
        await field.FillAsync("not an address");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send me my caseload's alerts" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator("#Email-error")).ToContainTextAsync("not a single e-mail address");

        await field.FillAsync("pat.probation@probation.example");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send me my caseload's alerts" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("pat.probation@probation.example");
        await web.ScreenshotAsync("notifications");

        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Stop sending me my caseload's alerts" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByText("You are not receiving your caseload's alerts.")).ToBeVisibleAsync();
        web.AssertNoProblems();
    }

    [Fact]
    public async Task The_monitoring_centre_reads_the_record_and_police_are_refused()
    {
        await using var monitoring = await WebSession.SignedInAsync(browser, _seeded, "monitoring");
        await monitoring.Page.GotoAsync("/notifications");
        await Assertions.Expect(monitoring.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Notices sent" })).ToBeVisibleAsync();
        await Assertions.Expect(monitoring.Page.GetByLabel("E-mail address for your caseload's alerts")).ToHaveCountAsync(0);
        await monitoring.AssertAccessibleAsync();

        await using var police = await WebSession.SignedInAsync(browser, _seeded, "police");
        var refused = await police.Page.GotoAsync("/notifications");
        Assert.Equal(403, refused!.Status);
    }
}
