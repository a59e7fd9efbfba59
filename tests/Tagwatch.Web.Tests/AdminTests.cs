using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Access;
using Tagwatch.Server.Tests;

namespace Tagwatch.Web.Tests;

/// <summary>Administration and audit in a browser: accounts with four eyes on scope grants, the auditor's search and check, refusals.</summary>
public sealed class AdminTests(BrowserFixture browser) : IAsyncLifetime
{
    private SeededApi _seeded = null!;

    public async ValueTask InitializeAsync() => _seeded = await SeededApi.StartAsync();

    public async ValueTask DisposeAsync() => await _seeded.DisposeAsync();

    [Fact]
    public async Task An_administrator_adds_a_user_and_sees_the_one_time_password_once()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "admin");
        await web.Page.GotoAsync("/admin/users");
        await Assertions.Expect(web.Page.GetByTestId("users")).ToContainTextAsync("sam.police");
        await web.AssertAccessibleAsync();

        await web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Add a user" }).ClickAsync();
        await web.Page.GetByLabel("User name").FillAsync("new.evaluator");
        await web.Page.GetByLabel("Role").SelectOptionAsync(nameof(Role.Evaluator));
        await web.AssertAccessibleAsync();
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add user" }).ClickAsync();

        var shown = web.Page.GetByTestId("one-time-password");
        await Assertions.Expect(shown).ToContainTextAsync("new.evaluator added");
        string password = (await shown.Locator("code").InnerTextAsync()).Trim();
        Assert.True(password.Length >= 12, password);
        var account = (await _seeded.Accounts.ListAsync("new.evaluator")).Single();
        Assert.Equal(Role.Evaluator, account.Role);
        Assert.True(account.MustChangePassword);

        await web.Page.GotoAsync("/admin/users");
        await Assertions.Expect(web.Page.GetByTestId("users")).ToContainTextAsync("new.evaluator");
        Assert.DoesNotContain(password, await web.Page.ContentAsync(), StringComparison.Ordinal);
        await web.ScreenshotAsync("users");
        web.AssertNoProblems();
    }

    [Fact]
    public async Task A_refusal_of_the_new_account_is_said_against_its_field()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "admin");
        await web.Page.GotoAsync("/admin/users/new");
        await web.Page.GetByLabel("User name").FillAsync("no.borough");
        await web.Page.GetByLabel("Role").SelectOptionAsync(nameof(Role.Police));
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add user" }).ClickAsync();

        await Assertions.Expect(web.Page.Locator(".govuk-error-summary")).ToContainTextAsync("at least one borough");
        await Assertions.Expect(web.Page.Locator(".govuk-form-group--error")).ToContainTextAsync("Boroughs");
        await web.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_scope_grant_waits_until_a_second_administrator_approves_it_and_its_proposer_cannot()
    {
        await _seeded.Accounts.CreateAsync(new NewUser("bea.admin", Role.Administrator, [], []), SeededApi.Password);
        await using var first = await WebSession.SignedInAsync(browser, _seeded, "admin");
        await first.Page.GotoAsync("/admin/users/new");
        await first.Page.GetByLabel("User name").FillAsync("pc.new");
        await first.Page.GetByLabel("Role").SelectOptionAsync(nameof(Role.Police));
        await first.Page.GetByLabel("Boroughs (police only)").FillAsync(_seeded.PoliceBoroughs["police"]);
        await first.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(first.Page.GetByTestId("notice")).ToContainTextAsync("waits for a second administrator");
        Assert.Empty(await _seeded.Accounts.ListAsync("pc.new"));

        await first.Page.GotoAsync("/admin/approvals");
        var request = first.Page.Locator(".govuk-summary-card", new PageLocatorOptions { HasText = "create pc.new" });
        await request.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("^Approve") }).ClickAsync();
        await Assertions.Expect(first.Page.Locator(".govuk-error-summary")).ToContainTextAsync("a different administrator must approve it");
        Assert.Empty(await _seeded.Accounts.ListAsync("pc.new"));

        await using var second = await WebSession.OpenAsync(browser, _seeded.Server.Api.BaseAddress!);
        await second.SignInAsync("bea.admin", SeededApi.Password);
        await second.Page.GotoAsync("/admin/approvals");
        await second.AssertAccessibleAsync();
        request = second.Page.Locator(".govuk-summary-card", new PageLocatorOptions { HasText = "create pc.new" });
        await request.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("^Approve") }).ClickAsync();

        await Assertions.Expect(second.Page.GetByTestId("approved")).ToContainTextAsync("created: role Police");
        await Assertions.Expect(second.Page.GetByTestId("one-time-password")).Not.ToBeEmptyAsync();
        var account = (await _seeded.Accounts.ListAsync("pc.new")).Single();
        Assert.Equal(new[] { _seeded.PoliceBoroughs["police"] }, account.Boroughs);
        second.AssertNoProblems();
    }

    [Fact]
    public async Task An_auditor_searches_the_log_and_verifies_the_chain()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "auditor");
        await web.Page.GotoAsync("/audit");
        await web.Page.GetByLabel("Actor (user name)").FillAsync(SeededApi.Usernames["auditor"]);
        await web.Page.GetByLabel("Action", new PageGetByLabelOptions { Exact = true }).FillAsync(AuditActions.SignIn);
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search the audit log" }).ClickAsync();

        var results = web.Page.GetByTestId("audit-results");
        await Assertions.Expect(results).ToContainTextAsync("session started");
        await Assertions.Expect(results.Locator("tbody tr")).Not.ToHaveCountAsync(0);
        var export = web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { NameRegex = new System.Text.RegularExpressions.Regex("^Export") });
        Assert.Contains("/api/v1/audit/export?actor=aud.auditor", await export.GetAttributeAsync("href"), StringComparison.Ordinal);
        await web.AssertAccessibleAsync();
        await web.ScreenshotAsync("audit");

        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Verify the chain" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync("The audit log is intact");
        await web.AssertAccessibleAsync();
        web.AssertNoProblems();

        var log = _seeded.Server.App.Services.GetRequiredService<IAuditLog>();
        var checks = await log.SearchAsync(new AuditQuery(Actor: SeededApi.Usernames["auditor"], Action: AuditActions.AuditVerify));
        Assert.NotEmpty(checks);
    }

    [Fact]
    public async Task A_user_creates_a_personal_token_sees_its_secret_once_and_revokes_it()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "evaluator");
        await web.Page.GotoAsync("/account/tokens");
        await web.Page.GetByLabel("What it is for").FillAsync("monthly report script");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create token" }).ClickAsync();

        string secret = (await web.Page.GetByTestId("token-secret").Locator("code").InnerTextAsync()).Trim();
        // The token resolves to the evaluator's account until it is revoked.
        Assert.NotNull(await _seeded.Accounts.ResolveTokenAsync(secret));
        await web.AssertAccessibleAsync();

        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Revoke token monthly report script" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync("revoked");
        Assert.Null(await _seeded.Accounts.ResolveTokenAsync(secret));
        web.AssertNoProblems();
    }

    [Fact]
    public async Task An_administrator_changes_a_role_at_once_and_a_caseload_grant_waits_for_a_second_administrator()
    {
        await _seeded.Accounts.CreateAsync(new NewUser("eve.later", Role.Evaluator, [], []), SeededApi.Password);
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "admin");
        await web.Page.GotoAsync("/admin/users");
        await web.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "eve.later" }).ClickAsync();
        await web.Page.GetByLabel("Role").SelectOptionAsync(nameof(Role.Auditor));
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Change role" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync("eve.later is now Auditor");
        Assert.Equal(Role.Auditor, (await _seeded.Accounts.ListAsync("eve.later")).Single().Role);
        await web.AssertAccessibleAsync();

        // Police without a borough: refused against the boroughs field, nothing changed.
        await web.Page.GetByLabel("Role").SelectOptionAsync(nameof(Role.Police));
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Change role" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator(".govuk-form-group--error")).ToContainTextAsync("Boroughs");
        Assert.Equal(Role.Auditor, (await _seeded.Accounts.ListAsync("eve.later")).Single().Role);

        string officer = SeededApi.Usernames["probation-other"];
        await web.Page.GotoAsync($"/admin/users/{officer}");
        await web.Page.GetByLabel("Caseload", new PageGetByLabelOptions { Exact = true }).FillAsync(_seeded.CaseloadReference);
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Replace caseload" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync("waits for a second administrator");
        Assert.DoesNotContain(_seeded.CaseloadReference, (await _seeded.Accounts.ListAsync(officer)).Single().Caseload);
        web.AssertNoProblems();
    }

    [Fact]
    public async Task An_administrator_places_and_lifts_a_legal_hold_each_with_a_reason()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "admin");
        await web.Page.GotoAsync("/admin/retention");
        await Assertions.Expect(web.Page.GetByTestId("retention")).ToContainTextAsync("6 years");

        await web.Page.GetByLabel("Person's reference").FillAsync(_seeded.CaseloadReference);
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Place hold" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator(".govuk-form-group--error")).ToContainTextAsync("Reason");
        await web.AssertAccessibleAsync();

        await web.Page.GetByLabel("Reason").FillAsync("Crown Court trial <script>alert(1)</script>");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Place hold" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync("is under a legal hold");
        var holds = web.Page.GetByTestId("holds");
        await Assertions.Expect(holds).ToContainTextAsync("Crown Court trial <script>alert(1)</script>");
        await Assertions.Expect(holds).ToContainTextAsync("Standing");
        await web.AssertAccessibleAsync();
        await web.ScreenshotAsync("retention");

        await web.Page.GetByLabel($"Why lift the hold on {_seeded.CaseloadReference}").FillAsync("trial ended");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Lift hold on {_seeded.CaseloadReference}" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync("is lifted");
        await Assertions.Expect(holds).ToContainTextAsync("Lifted");
        web.AssertNoProblems();
    }

    [Fact]
    public async Task A_user_turns_on_the_second_factor_and_then_signs_in_with_a_code()
    {
        await _seeded.Accounts.CreateAsync(new NewUser("ada.evaluator", Role.Evaluator, [], []), SeededApi.Password);
        await using var web = await WebSession.OpenAsync(browser, _seeded.Server.Api.BaseAddress!);
        await web.SignInAsync("ada.evaluator", SeededApi.Password);
        await web.Page.GotoAsync("/account/second-factor");
        await web.Page.GetByLabel("Your password").FillAsync("not the password");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Set up a new key" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator(".govuk-form-group--error")).ToContainTextAsync("password or code is wrong");

        await web.Page.GetByLabel("Your password").FillAsync(SeededApi.Password);
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Set up a new key" }).ClickAsync();
        string key = (await web.Page.GetByTestId("authenticator-key").InnerTextAsync()).Trim();
        await web.AssertAccessibleAsync();
        var phone = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key));
        await web.Page.GetByLabel("Code from your authenticator app").FillAsync("000000" == phone.ComputeTotp() ? "111111" : "000000");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Turn on the second factor" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator(".govuk-form-group--error")).ToContainTextAsync("does not match");
        await web.Page.GetByLabel("Code from your authenticator app").FillAsync(phone.ComputeTotp());
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Turn on the second factor" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync("Your second factor is on");
        Assert.True((await _seeded.Accounts.ListAsync("ada.evaluator")).Single().TwoFactor);
        web.AssertNoProblems();

        await using var again = await WebSession.OpenAsync(browser, _seeded.Server.Api.BaseAddress!);
        await again.SignInAsync("ada.evaluator", SeededApi.Password, landsOn: null);
        await Assertions.Expect(again.Page.Locator(".govuk-error-summary")).ToContainTextAsync("code");
        await again.Page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(SeededApi.Password);
        await again.Page.GetByLabel("Code from your authenticator app").FillAsync(phone.ComputeTotp());
        await again.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(again.Page.GetByTestId("identity")).ToContainTextAsync("ada.evaluator");
    }

    [Fact]
    public async Task An_administrator_changes_the_schemes_capacity_and_an_incoherent_change_is_refused_whole()
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, "admin");
        await web.Page.GotoAsync("/admin/scheme");
        await Assertions.Expect(web.Page.GetByTestId("scheme")).ToContainTextAsync("places");
        await web.AssertAccessibleAsync();

        await web.Page.GetByLabel("Capacity (people monitored at once)").FillAsync("0");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(web.Page.Locator(".govuk-error-summary")).ToContainTextAsync("capacity");

        await web.Page.GetByLabel("Capacity (people monitored at once)").FillAsync("120");
        await web.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(web.Page.GetByTestId("notice")).ToContainTextAsync("settings are changed");
        await Assertions.Expect(web.Page.GetByTestId("scheme")).ToContainTextAsync("of 120 places");
        await web.ScreenshotAsync("scheme");
        web.AssertNoProblems();
    }

    [Theory]
    [InlineData("police", "/admin")]
    [InlineData("monitoring", "/admin/users")]
    [InlineData("auditor", "/admin/approvals")]
    [InlineData("reviewer", "/audit")]
    [InlineData("admin", "/audit")]
    [InlineData("probation", "/admin/users/new")]
    [InlineData("monitoring", "/admin/retention")]
    [InlineData("evaluator", "/admin/users/sam.police")]
    public async Task Other_roles_get_the_refusal_page(string principal, string path)
    {
        await using var web = await WebSession.SignedInAsync(browser, _seeded, principal);
        var response = await web.Page.GotoAsync(path);

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(web.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("You do not have access to this page");
    }
}
