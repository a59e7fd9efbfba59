using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tagwatch.Application.Audit;
using NodaTime;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Alerts;
using Tagwatch.Server.Tests;

namespace Tagwatch.Web.Tests;

/// <summary>
/// The evaluation dashboard: an evaluator reads the report for a period, withheld counts shown as withheld in the page
/// and in its CSV; police and probation are refused.
/// </summary>
public sealed class EvaluationTests(BrowserFixture browser) : IAsyncLifetime
{
    private SeededApi _seeded = null!;

    public async ValueTask InitializeAsync()
    {
        _seeded = await SeededApi.StartAsync();
        // June 2001, long before anything seeded: one SOS beside five lost contacts, the SOS a small cell of its own.
        var tag = (await _seeded.Server.Services.Tags.AssignmentsAsync())[0].Tag;
        var at = Instant.FromUtc(2001, 6, 15, 12, 0);
        await RaiseAsync(AlertKind.Sos, 1);
        await RaiseAsync(AlertKind.NoContact, 5);

        async Task RaiseAsync(AlertKind kind, int count)
        {
            for (int i = 0; i < count; i++)
            {
                await _seeded.Server.Services.Alerts.RaiseAsync(new Alert(0, kind, kind.Severity, AlertState.Open, tag, null, null, at, null, at, kind.DisplayName, "{}", 0), "test");
            }
        }
    }

    public async ValueTask DisposeAsync() => await _seeded.DisposeAsync();

    [Fact]
    public async Task An_evaluator_reads_a_period_sees_a_small_cell_suppressed_and_downloads_it_suppressed()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "evaluator");
        await web.Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Main" })
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Evaluation", Exact = true }).ClickAsync();
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Area crime trends" })).ToBeVisibleAsync();
        await Assertions.Expect(web.Page.Locator(".tw-chart canvas").First).ToBeVisibleAsync();
        await web.AssertAccessibleAsync();
        await web.ScreenshotAsync("evaluation");

        await FillAsync(web.Page, "From", "1", "6", "2001");
        await FillAsync(web.Page, "To (included)", "30", "6", "2001");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show the figures" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByText("2001-06-01 to 2001-06-30")).ToBeVisibleAsync();

        var byType = web.Page.GetByTestId("alerts-type");
        await Assertions.Expect(byType.GetByRole(AriaRole.Row, new LocatorGetByRoleOptions { Name = "SOS" })).ToContainTextAsync("suppressed");
        await Assertions.Expect(web.Page.GetByTestId("alerts-category").GetByRole(AriaRole.Row, new LocatorGetByRoleOptions { Name = "device" })).ToContainTextAsync("6");
        await Assertions.Expect(web.Page.GetByText("Nobody was monitored on any day of the period")).ToBeVisibleAsync();
        await web.AssertAccessibleAsync();

        var download = await web.Page.RunAndWaitForDownloadAsync(() =>
            web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download the alerts tables (CSV)" }).ClickAsync());
        string[] lines = await File.ReadAllLinesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Equal("section,figure,category,count", lines[0]);
        Assert.Contains("report,from,2001-06-01,", lines);
        Assert.Contains("alerts,total,,6", lines);
        Assert.Contains("alerts,by_type,sos,", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("caseload,", StringComparison.Ordinal));
        var audit = _seeded.Server.App.Services.GetRequiredService<IAuditLog>();
        var records = await audit.SearchAsync(new AuditQuery(Action: AuditActions.ViewRecord), CancellationToken.None);
        Assert.Contains(records, r => r.Event.Data == "aggregate scheme summary 2001-06-01 to 2001-06-30, exported as CSV section alerts");
        web.AssertNoProblems();
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_against_its_last_day()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "evaluator");
        await web.Page.GotoAsync("/evaluation?from.day=30&from.month=6&from.year=2001&to.day=1&to.month=6&to.year=2001");
        await Assertions.Expect(web.Page.Locator("#To-error")).ToContainTextAsync("same as or after the first day");
    }

    [Fact]
    public async Task An_impossible_date_is_refused_against_its_field_and_kept_as_typed()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "evaluator");
        await web.Page.GotoAsync("/evaluation");
        await FillAsync(web.Page, "From", "31", "2", "2001");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show the figures" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator("#From-error")).ToContainTextAsync("must be a real date");
        await Assertions.Expect(web.Page.Locator(".govuk-error-summary")).ToContainTextAsync("must be a real date");
        await Assertions.Expect(DateGroup(web.Page, "From").GetByLabel("Day")).ToHaveValueAsync("31");
        await web.AssertAccessibleAsync();
        web.AssertNoProblems();
    }

    private static ILocator DateGroup(IPage page, string legend) =>
        page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = legend, Exact = true });

    private static async Task FillAsync(IPage page, string legend, string day, string month, string year)
    {
        var group = DateGroup(page, legend);
        await group.GetByLabel("Day").FillAsync(day);
        await group.GetByLabel("Month").FillAsync(month);
        await group.GetByLabel("Year").FillAsync(year);
    }

    [Theory]
    [InlineData("police")]
    [InlineData("probation")]
    public async Task Police_and_probation_are_refused(string principal)
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, principal);
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Evaluation", Exact = true })).ToHaveCountAsync(0);

        var refused = await web.Page.GotoAsync("/evaluation");
        Assert.Equal(403, refused!.Status);
        var csv = await web.Page.APIRequest.GetAsync("/evaluation?handler=Csv&table=alerts");
        Assert.Equal(403, csv.Status);
    }
}
