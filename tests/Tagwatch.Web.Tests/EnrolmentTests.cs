using Microsoft.Playwright;
using Tagwatch.Server.Tests;

namespace Tagwatch.Web.Tests;

/// <summary>Enrolment in a browser: every refusal against its field, then the person enrolled and shown.</summary>
public sealed class EnrolmentTests(BrowserFixture browser) : IAsyncLifetime
{
    private SeededApi _seeded = null!;

    public async ValueTask InitializeAsync() => _seeded = await SeededApi.StartAsync();

    public async ValueTask DisposeAsync() => await _seeded.DisposeAsync();

    [Fact]
    public async Task A_probation_officer_sees_each_refusal_against_its_field_then_enrols_and_lands_on_the_person()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "probation");
        await web.Page.GotoAsync("/people");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Enrol a person" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Enrol a person" })).ToBeVisibleAsync();

        // First attempt: a name missing, an impossible date, no risk tier.
        await web.Page.GetByLabel("Family name").FillAsync("Newman");
        await DateAsync(web, "Date of birth", "31", "2", "1990");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Enrol" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator("#Input_DateOfBirth-error")).ToContainTextAsync("real date");
        await Assertions.Expect(web.Page.Locator("#Input_RiskTier-error")).ToContainTextAsync("risk tier");
        await Assertions.Expect(web.Page.Locator("#Input_LicenceStart-error")).ToBeVisibleAsync();
        await Assertions.Expect(web.Page.Locator("#Input_Latitude-error")).ToBeVisibleAsync();
        await web.AssertAccessibleAsync();

        // Second: readable, but a child, no GPS condition and no offence: the use case and the scheme's rules answer.
        await web.Page.GetByLabel("Given name").FillAsync("Alex");
        await DateAsync(web, "Date of birth", "1", "1", "2010");
        await DateAsync(web, "Licence starts (release date)", "1", "3", "2019");
        await DateAsync(web, "Licence ends (its last day)", "1", "9", "2019");
        await web.Page.GetByLabel("Latitude").FillAsync("51.4613");
        await web.Page.GetByLabel("Longitude").FillAsync("-0.1156");
        await web.Page.GetByLabel("High", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Enrol" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator("#Input_IndexOffences-error")).ToContainTextAsync("index offence");
        Assert.Equal("High", await web.Page.Locator("input[name='Input.RiskTier']:checked").InputValueAsync());

        await web.Page.GetByLabel("Robbery").CheckAsync();
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Enrol" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator("#Input_DateOfBirth-error")).ToContainTextAsync("adults");
        await Assertions.Expect(web.Page.Locator("#Input_GpsLicenceCondition-error")).ToContainTextAsync("GPS");
        await Assertions.Expect(web.Page.Locator("#Input_CustodialSentenceServed-error")).ToContainTextAsync("custodial");
        await Assertions.Expect(web.Page.Locator(".govuk-error-summary a[href='#Input_GpsLicenceCondition']")).ToBeVisibleAsync();
        await web.AssertAccessibleAsync();

        await DateAsync(web, "Date of birth", "1", "1", "1990");
        await web.Page.GetByLabel("A custodial sentence was served").CheckAsync();
        await web.Page.GetByLabel("The licence carries a GPS monitoring condition").CheckAsync();
        await web.ScreenshotAsync("enrol");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Enrol" }).ClickAsync();

        await web.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/people/TW-", StringComparison.Ordinal));
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync("enrolled");
        string reference = new Uri(web.Page.Url).AbsolutePath["/people/".Length..];
        Assert.Contains(reference, (await _seeded.Accounts.ListAsync(SeededApi.Usernames["probation"])).Single().Caseload);
        web.AssertNoProblems();
    }

    [Theory]
    [InlineData("police")]
    [InlineData("evaluator")]
    [InlineData("admin")]
    public async Task Roles_that_do_not_enrol_get_the_refusal_page(string principal)
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, principal);
        var response = await web.Page.GotoAsync("/people/new");
        Assert.Equal(403, response!.Status);
    }

    private static async Task DateAsync(WebSession web, string legend, string day, string month, string year)
    {
        var group = web.Page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = legend });
        await group.GetByLabel("Day").FillAsync(day);
        await group.GetByLabel("Month").FillAsync(month);
        await group.GetByLabel("Year").FillAsync(year);
    }
}
