using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tagwatch.Application.Tags;
using NodaTime;
using Tagwatch.Core.Geo;
using Tagwatch.Server.Tests;

namespace Tagwatch.Web.Tests;

/// <summary>The device registry in a browser: tags registered, fitted, swapped and returned; refused devices; refusals of other roles.</summary>
public sealed class DevicesTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string First = "359881999000031";
    private const string Second = "359881999000032";

    private SeededApi _seeded = null!;

    private static Instant Now => Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());

    public async ValueTask InitializeAsync() => _seeded = await SeededApi.StartAsync();

    public async ValueTask DisposeAsync() => await _seeded.DisposeAsync();

    [Fact]
    public async Task An_administrator_registers_fits_swaps_and_returns_tags_and_a_model_with_a_script_reads_as_text()
    {
        string reference = await EnrolSomeoneMonitoredTodayAsync();
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "admin");
        await web.Page.GotoAsync("/");
        await web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Devices", Exact = true }).First.ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("tags")).ToBeVisibleAsync();

        const string script = "<script>alert('model')</script>";
        await RegisterAsync(web, First, script);
        await RegisterAsync(web, Second, "ankle x2");
        await Assertions.Expect(Row(web, First)).ToContainTextAsync(script);
        await Assertions.Expect(Row(web, First)).ToContainTextAsync("Never reported");

        var assign = web.Page.GetByTestId("assign-form");
        await assign.GetByLabel("Tag", new LocatorGetByLabelOptions { Exact = true }).FillAsync(First);
        await assign.GetByLabel("Person's reference").FillAsync("TW-99999");
        await assign.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Fit tag" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator("#Assign_Person-error")).ToContainTextAsync("TW-99999");
        await web.AssertAccessibleAsync();
        assign = web.Page.GetByTestId("assign-form");
        await assign.GetByLabel("Person's reference").FillAsync(reference);
        await assign.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Fit tag" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync($"Tag {First} is worn by {reference}");
        await Assertions.Expect(Row(web, First)).ToContainTextAsync(reference);

        var swap = web.Page.GetByTestId("swap-form");
        await swap.GetByLabel("Tag coming off").FillAsync(First);
        await swap.GetByLabel("Tag going on").FillAsync(Second);
        await swap.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Swap tags" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync($"{reference} now wears tag {Second} instead of tag {First}");
        await Assertions.Expect(Row(web, Second)).ToContainTextAsync(reference);
        await Assertions.Expect(Row(web, First)).ToContainTextAsync("Not worn");
        await web.AssertAccessibleAsync();
        await web.ScreenshotAsync("devices");

        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Return tag {Second}" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync($"Tag {Second} returned");
        await Assertions.Expect(Row(web, Second)).ToContainTextAsync("Not worn");
        var periods = (await _seeded.Server.Services.Tags.AssignmentsAsync()).Where(a => a.Tag.Value is First or Second).ToList();
        Assert.Equal(2, periods.Count);
        Assert.All(periods, p => Assert.NotNull(p.To));
        web.AssertNoProblems();
    }

    [Fact]
    public async Task A_forged_osmand_upload_is_listed_among_the_refused_devices_with_its_reason()
    {
        using (var forger = new HttpClient { BaseAddress = _seeded.Server.OsmAnd.BaseAddress })
        {
            using var response = await forger.GetAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"/?id={RunningServer.Gt06Imei}&lat=51.5&lon=-0.1&timestamp={TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 60}"));
            Assert.False(response.IsSuccessStatusCode);
        }

        await using var web = await WebSession.SignedInAsync(browser, _seeded, "admin");
        await web.Page.GotoAsync("/devices");
        var refused = web.Page.GetByTestId("refused").Locator("tr", new LocatorLocatorOptions { HasText = RunningServer.Gt06Imei });
        await Assertions.Expect(refused).ToContainTextAsync("osmand");
        await Assertions.Expect(refused).ToContainTextAsync("ago");
        await web.AssertAccessibleAsync();
        web.AssertNoProblems();
    }

    [Fact]
    public async Task An_administrator_creates_a_device_credential_sees_its_secret_once_and_revokes_it()
    {
        var store = _seeded.Server.App.Services.GetRequiredService<IDeviceCredentialStore>();
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "admin");
        await web.Page.GotoAsync("/devices");
        await web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Upload credentials" }).ClickAsync();
        await web.Page.GetByLabel("Device (optional)").FillAsync("359881999099999");
        await web.Page.GetByLabel("What it is for").FillAsync("phone 7");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create credential" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator("#Input_Tag-error")).ToContainTextAsync("not registered");

        await web.Page.GetByLabel("Device (optional)").FillAsync(RunningServer.Gt06Imei);
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create credential" }).ClickAsync();
        string secret = (await web.Page.GetByTestId("credential-secret").Locator("code").InnerTextAsync()).Trim();
        Assert.NotNull(await store.VerifyAsync(secret));
        await web.AssertAccessibleAsync();

        await web.Page.GotoAsync("/devices/credentials");
        Assert.DoesNotContain(secret, await web.Page.ContentAsync(), StringComparison.Ordinal);
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Revoke credential phone 7" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync("revoked");
        Assert.Null(await store.VerifyAsync(secret));
        web.AssertNoProblems();
    }

    [Theory]
    [InlineData("police")]
    [InlineData("evaluator")]
    [InlineData("probation")]
    public async Task Roles_that_do_not_manage_tags_get_the_refusal_page(string principal)
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, principal);
        var response = await web.Page.GotoAsync("/devices");
        Assert.Equal(403, response!.Status);
    }

    private static ILocator Row(WebSession web, string tag) => web.Page.Locator($"[data-testid=tags] tr[data-tag='{tag}']");

    private static async Task RegisterAsync(WebSession web, string id, string model)
    {
        var form = web.Page.GetByTestId("register-form");
        await form.GetByLabel("Device identifier").FillAsync(id);
        await form.GetByLabel("Protocol").FillAsync("gt06");
        await form.GetByLabel("Model (optional)").FillAsync(model);
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Register tag" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync($"Tag {id} registered");
    }

    /// <summary>Someone whose licence began yesterday: a tag can be fitted to them from now.</summary>
    private async Task<string> EnrolSomeoneMonitoredTodayAsync() => (await _seeded.EnrolMonitoredTodayAsync("Device")).Reference.ToString();
}
