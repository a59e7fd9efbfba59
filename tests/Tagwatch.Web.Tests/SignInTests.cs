using System.Net;
using Microsoft.Playwright;
using Tagwatch.Core.Access;
using Tagwatch.Server.Tests;
using Tagwatch.Application.Accounts;

namespace Tagwatch.Web.Tests;

/// <summary>Signing in and out in a browser: the header's identity, the one-time password, ended sessions, refusals.</summary>
public sealed class SignInTests(BrowserFixture browser) : IAsyncLifetime
{
    private SeededApi _seeded = null!;

    public async ValueTask InitializeAsync() => _seeded = await SeededApi.StartAsync();

    public async ValueTask DisposeAsync() => await _seeded.DisposeAsync();

    [Fact]
    public async Task A_police_officer_signs_in_and_the_header_names_them_their_role_and_borough()
    {
        await using var web = await WebSession.OpenAsync(browser, _seeded.Server.Api.BaseAddress!);
        await web.Page.GotoAsync("/sign-in");
        await web.AssertAccessibleAsync();
        await web.ScreenshotAsync("sign-in");

        await web.SignInAsync(SeededApi.Usernames["police"], SeededApi.Password);

        var identity = web.Page.GetByTestId("identity");
        await Assertions.Expect(identity).ToContainTextAsync("sam.police");
        await Assertions.Expect(identity).ToContainTextAsync("Police");
        string borough = Core.Boroughs.BoroughMap.London.Find(_seeded.PoliceBoroughs["police"])!.Name;
        await Assertions.Expect(identity).ToContainTextAsync(borough);
        await web.AssertAccessibleAsync();
        web.AssertNoProblems();
    }

    [Fact]
    public async Task A_wrong_password_is_said_against_the_password_field_and_linked_from_the_summary()
    {
        await using var web = await WebSession.OpenAsync(browser, _seeded.Server.Api.BaseAddress!);
        await web.SignInAsync(SeededApi.Usernames["police"], "not the password", landsOn: null);

        await Assertions.Expect(web.Page.Locator(".govuk-error-summary")).ToContainTextAsync("The user name or password");
        await Assertions.Expect(web.Page.Locator("#Input_Password-error")).ToBeVisibleAsync();
        await Assertions.Expect(web.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await web.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_page_asked_for_without_a_session_signs_in_first_and_comes_back()
    {
        await using var web = await WebSession.OpenAsync(browser, _seeded.Server.Api.BaseAddress!);
        await web.Page.GotoAsync("/?from=bookmark");
        Assert.Equal("/sign-in", new Uri(web.Page.Url).AbsolutePath);

        await web.Page.GetByLabel("User name").FillAsync(SeededApi.Usernames["reviewer"]);
        await web.Page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(SeededApi.Password);
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();

        await web.Page.WaitForURLAsync(url => new Uri(url).PathAndQuery == "/?from=bookmark");
    }

    [Fact]
    public async Task A_one_time_password_must_be_replaced_before_any_page_and_then_the_page_opens()
    {
        await _seeded.Accounts.CreateAsync(new NewUser("new.officer", Role.MonitoringOfficer, [], []), SeededApi.Password);
        string oneTime = await _seeded.Accounts.ResetPasswordAsync("new.officer");
        await using var web = await WebSession.OpenAsync(browser, _seeded.Server.Api.BaseAddress!);

        await web.SignInAsync("new.officer", oneTime, landsOn: "/sign-in/password");
        await web.Page.GotoAsync("/");
        Assert.Equal("/sign-in/password", new Uri(web.Page.Url).AbsolutePath);
        await web.AssertAccessibleAsync();

        await web.Page.GetByLabel("Current password").FillAsync(oneTime);
        await web.Page.GetByLabel("New password", new PageGetByLabelOptions { Exact = true }).FillAsync("short");
        await web.Page.GetByLabel("New password again").FillAsync("short");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator("#Input_Replacement-error")).ToBeVisibleAsync();

        await web.Page.GetByLabel("Current password").FillAsync(oneTime);
        await web.Page.GetByLabel("New password", new PageGetByLabelOptions { Exact = true }).FillAsync("a long passphrase of my own");
        await web.Page.GetByLabel("New password again").FillAsync("a long passphrase of my own");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Change password" }).ClickAsync();
        await web.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(web.Page.GetByText("Your password has been changed.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_the_next_page_asks_to_sign_in_again()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "evaluator");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await web.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/sign-in");

        await web.Page.GotoAsync("/");
        Assert.Equal("/sign-in", new Uri(web.Page.Url).AbsolutePath);
    }

    [Fact]
    public async Task An_ended_session_sends_the_page_to_sign_in_saying_the_session_ended()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "auditor");
        // An administrator's password reset ends every session of the account.
        await _seeded.Accounts.ResetPasswordAsync(SeededApi.Usernames["auditor"]);

        await web.Page.GotoAsync("/?after=reset");

        Assert.Equal("/sign-in", new Uri(web.Page.Url).AbsolutePath);
        await Assertions.Expect(web.Page.GetByText("Your session has ended")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_without_inline_script_or_style()
    {
        using var client = _seeded.Server.NewClient();
        using var response = await client.GetAsync("/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var client = _seeded.Server.NewClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Username"] = SeededApi.Usernames["police"],
            ["Input.Password"] = SeededApi.Password,
        });
        using var response = await client.PostAsync("/sign-in", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("tagwatch.session", StringComparison.Ordinal)));
    }
}
