using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Server.Tests;

/// <summary>Signing in with a password over the session cookie: CSRF, one-time passwords, lockout, disabling, headers.</summary>
public sealed class SessionTests
{
    private static HttpClient Browser(SeededApi api) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = api.Server.Api.BaseAddress };

    [Fact]
    public async Task A_session_reads_with_its_cookie_but_changes_data_only_with_the_antiforgery_token()
    {
        await using var api = await SeededApi.StartAsync();
        using var browser = Browser(api);

        var signIn = await browser.PostAsJsonAsync("/api/v1/session", new { username = "mo.centre", password = SeededApi.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("tagwatch.session=", string.Join(";", signIn.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Contains("samesite=strict", string.Join(";", signIn.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        string csrf = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf_token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/alerts")).StatusCode);
        var forged = await browser.PostAsJsonAsync("/api/v1/tokens", new { name = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("antiforgery", await forged.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tokens") { Content = JsonContent.Create(new { name = "x" }) };
        withToken.Headers.Add("X-CSRF-TOKEN", csrf);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(withToken)).StatusCode);

        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/session");
        signOut.Headers.Add("X-CSRF-TOKEN", csrf);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(signOut)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/alerts")).StatusCode);
    }

    [Fact]
    public async Task A_one_time_password_allows_nothing_but_changing_it()
    {
        await using var api = await SeededApi.StartAsync();
        var (_, oneTime) = await api.Accounts.CreateAsync(new NewUser("new.monitor", Role.MonitoringOfficer, [], []));
        using var browser = Browser(api);

        var signIn = await (await browser.PostAsJsonAsync("/api/v1/session", new { username = "new.monitor", password = oneTime })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(signIn.GetProperty("must_change_password").GetBoolean());
        var blocked = await browser.GetAsync("/api/v1/alerts");
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Contains("change it", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var change = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session/password")
        {
            Content = JsonContent.Create(new { current = oneTime, replacement = "a brand new long passphrase" }),
        };
        change.Headers.Add("X-CSRF-TOKEN", signIn.GetProperty("csrf_token").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(change)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/alerts")).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_and_its_tokens_at_once()
    {
        await using var api = await SeededApi.StartAsync();
        using var browser = Browser(api);
        await browser.PostAsJsonAsync("/api/v1/session", new { username = "mo.centre", password = SeededApi.Password });
        using var token = api.ClientFor("monitoring");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/alerts")).StatusCode);

        await api.Accounts.SetDisabledAsync("mo.centre", true);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsJsonAsync("/api/v1/session", new { username = "mo.centre", password = SeededApi.Password })).StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_sign_in_is_rate_limited_per_address()
    {
        await using var api = await SeededApi.StartAsync();
        using var client = api.ClientFor("anonymous");
        HttpResponseMessage last = null!;
        for (int i = 0; i < IdentitySetup.MaxFailedSignIns; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/session", new { username = "sam.police", password = "wrong wrong wrong" });
        }

        var right = await client.PostAsJsonAsync("/api/v1/session", new { username = "sam.police", password = SeededApi.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(IdentitySetup.MaxFailedSignIns + 1, (await api.Server.Services.Audit.SearchAsync(new(Action: "sign.in.failed"))).Count);
        Assert.Contains(await api.Server.Services.Audit.SearchAsync(new(Action: "sign.in.failed")), e => e.Event.Data == "LockedOut");

        await using var limited = await RunningServer.StartAsync(o => o with { SignInAttemptsPerMinute = 3 });
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
        {
            statuses.Add((await limited.Api.PostAsJsonAsync("/api/v1/session", new { username = "nobody", password = "x" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_locked_account_answers_exactly_as_an_unknown_user_name_does()
    {
        await using var api = await SeededApi.StartAsync();
        using var client = api.ClientFor("anonymous");
        for (int i = 0; i < IdentitySetup.MaxFailedSignIns; i++)
        {
            await client.PostAsJsonAsync("/api/v1/session", new { username = "sam.police", password = "wrong wrong wrong" });
        }

        var locked = await client.PostAsJsonAsync("/api/v1/session", new { username = "sam.police", password = SeededApi.Password });
        var unknown = await client.PostAsJsonAsync("/api/v1/session", new { username = "nobody.at.all", password = SeededApi.Password });

        Assert.True((await api.Accounts.GetAsync("sam.police")).LockedOut);
        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        Assert.Equal(await WithoutTraceIdAsync(unknown), await WithoutTraceIdAsync(locked));
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var problem = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
        problem.Remove("trace_id");
        return problem.ToJsonString();
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_no_longer_works()
    {
        await using var api = await SeededApi.StartAsync();
        var cookies = new CookieContainer();
        using var browser = api.Server.NewClient(cookies);
        var signIn = await (await browser.PostAsJsonAsync("/api/v1/session", new { username = "mo.centre", password = SeededApi.Password })).Content.ReadFromJsonAsync<JsonElement>();
        var copied = new CookieContainer();
        copied.Add(cookies.GetAllCookies());
        using var thief = api.Server.NewClient(copied);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/v1/alerts")).StatusCode);

        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/session");
        signOut.Headers.Add("X-CSRF-TOKEN", signIn.GetProperty("csrf_token").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(signOut)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/v1/alerts")).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_its_absolute_lifetime_however_active_it_is()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        // The workers are not under test here: at their live periods every twenty-minute step of the clock would fire
        // hundreds of their timers.
        var daily = TimeSpan.FromDays(1);
        var quietWorkers = new WorkerOptions
        {
            CheckpointEvery = daily, MonitorTickEvery = daily, CorrelationEvery = daily, FixGridsEvery = daily, MetricsRefreshEvery = daily,
        };
        await using var server = await RunningServer.StartAsync(
            o => o with { SessionIdleMinutes = 30, SessionLifetimeHours = 12, Workers = quietWorkers },
            services => services.Accounts.CreateAsync(new NewUser("mo.centre", Role.MonitoringOfficer, [], []), SeededApi.Password),
            clock);
        using var browser = server.NewClient(new CookieContainer());
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/v1/session", new { username = "mo.centre", password = SeededApi.Password })).StatusCode);

        // A request every 20 minutes keeps the idle timeout from ever running out...
        var statuses = new List<HttpStatusCode>();
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(12); elapsed += TimeSpan.FromMinutes(20))
        {
            statuses.Add((await browser.GetAsync("/api/v1/alerts")).StatusCode);
            clock.Advance(TimeSpan.FromMinutes(20));
        }

        // ...but twelve hours after signing in the session is over.
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/alerts")).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_revokes_the_accounts_tokens_and_enabling_a_disabled_account_does_not_revive_them()
    {
        // One administrator resets at once here: what a reset revokes is the point, not its second approval.
        await using var api = await SeededApi.StartAsync(configuration: ["--Tagwatch:Accounts:RequireSecondApproval=false"]);
        using var admin = api.ClientFor("admin");
        using var monitoring = api.ClientFor("monitoring");
        Assert.Equal(HttpStatusCode.OK, (await monitoring.GetAsync("/api/v1/alerts")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/users/mo.centre/reset-password", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await monitoring.GetAsync("/api/v1/alerts")).StatusCode);

        using var police = api.ClientFor("police");
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync("/api/v1/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/users/sam.police/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/users/sam.police/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await police.GetAsync("/api/v1/matches")).StatusCode);
    }

    [Fact]
    public async Task A_token_cannot_switch_off_the_second_factor()
    {
        await using var api = await SeededApi.StartAsync();
        using var token = api.ClientFor("monitoring");

        var refused = await token.PostAsJsonAsync("/api/v1/session/totp", new { password = SeededApi.Password });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("signed-in session", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_the_second_factor_on_keeps_the_callers_session_and_replacing_it_needs_the_password_and_a_current_code()
    {
        await using var api = await SeededApi.StartAsync();
        using var browser = api.Server.NewClient(new CookieContainer());
        var signIn = await (await browser.PostAsJsonAsync("/api/v1/session", new { username = "mo.centre", password = SeededApi.Password })).Content.ReadFromJsonAsync<JsonElement>();
        string csrf = signIn.GetProperty("csrf_token").GetString()!;
        Task<HttpResponseMessage> PostAsync(string path, object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add("X-CSRF-TOKEN", csrf);
            return browser.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("/api/v1/session/totp", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("/api/v1/session/totp", new { password = "not the password" })).StatusCode);
        var started = await PostAsync("/api/v1/session/totp", new { password = SeededApi.Password });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var phone = new Totp(Base32Encoding.ToBytes((await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync("/api/v1/session/totp/confirm", new { code = phone.ComputeTotp() })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.True((await api.Accounts.GetAsync("mo.centre")).TwoFactor);

        var withoutCode = await PostAsync("/api/v1/session/totp", new { password = SeededApi.Password });
        Assert.Equal(HttpStatusCode.BadRequest, withoutCode.StatusCode);
        Assert.Contains("code", await withoutCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await api.Accounts.GetAsync("mo.centre")).TwoFactor);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/api/v1/session/totp", new { password = SeededApi.Password, code = phone.ComputeTotp() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/alerts")).StatusCode);
    }

    [Fact]
    public async Task Tokens_are_listed_with_their_times_as_iso_instants()
    {
        await using var api = await SeededApi.StartAsync();
        using var monitoring = api.ClientFor("monitoring");

        var created = await (await monitoring.PostAsJsonAsync("/api/v1/tokens", new { name = "records system", days = 30 })).Content.ReadFromJsonAsync<JsonElement>();
        var tokens = await monitoring.GetFromJsonAsync<JsonElement>("/api/v1/tokens");

        var listed = tokens.EnumerateArray().First();
        Assert.Equal(JsonValueKind.String, listed.GetProperty("created").ValueKind);
        Assert.True(DateTimeOffset.TryParse(listed.GetProperty("created").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.EndsWith("Z", listed.GetProperty("expires").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Z", created.GetProperty("expires").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_failed_sign_ins_count_against_the_address_and_the_refusal_says_when_to_retry()
    {
        await using var api = await SeededApi.StartAsync(o => o with { SignInAttemptsPerMinute = 3 });
        // A fresh client per attempt: no session cookie carried over (a signed-in client's posts need the CSRF token).
        async Task<HttpResponseMessage> SignInAsync(string username, string password)
        {
            using var client = api.ClientFor("anonymous");
            return await client.PostAsJsonAsync("/api/v1/session", new { username, password });
        }


        var successes = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++)
        {
            successes.Add((await SignInAsync("mo.centre", SeededApi.Password)).StatusCode);
        }

        for (int i = 0; i < 3; i++)
        {
            await SignInAsync("nobody", "wrong wrong wrong");
        }

        var refused = await SignInAsync("mo.centre", SeededApi.Password);

        Assert.All(successes, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? -1, 1, 60);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_and_api_answers_are_not_cached()
    {
        await using var api = await SeededApi.StartAsync();
        using var client = api.ClientFor("monitoring");

        var response = await client.GetAsync("/api/v1/alerts");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_openapi_document_and_its_reference_page_are_served()
    {
        await using var api = await SeededApi.StartAsync();

        var document = await api.Server.Api.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var page = await api.Server.Api.GetAsync("/scalar/v1");

        Assert.Equal("Tagwatch API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/matches/{id}/disclose", out _));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_session_survives_a_restart_of_the_server_on_the_same_database()
    {
        await using var api = await SeededApi.StartAsync();
        var cookies = new CookieContainer();
        using (var before = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = api.Server.Api.BaseAddress })
        {
            Assert.Equal(HttpStatusCode.OK, (await before.PostAsJsonAsync("/api/v1/session", new { username = "mo.centre", password = SeededApi.Password })).StatusCode);
        }

        await api.Server.App.StopAsync();
        int[] ports = RunningServer.FreePorts(4);
        var options = api.Server.Options with { Urls = $"http://127.0.0.1:{ports[0]}", OsmAndPort = ports[1], Gt06Port = ports[2], H02Port = ports[3] };
        await using var restarted = TagwatchServer.Build(options, api.Server.Services.Database, TimeProvider.System);
        await restarted.StartAsync();
        using var after = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(options.Urls) };

        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/api/v1/alerts")).StatusCode);
        await restarted.StopAsync();
    }

    [Theory]
    [InlineData("/api/v1/session", "{not json")]
    [InlineData("/api/v1/session", "[1,2,3]")]
    [InlineData("/api/v1/near", "{\"latitude\":\"north\"}")]
    public async Task Malformed_request_bodies_get_a_problem_document_not_a_fault(string path, string body)
    {
        await using var api = await SeededApi.StartAsync();
        using var police = api.ClientFor("police");

        var response = await police.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_changed_role_applies_at_once_to_tokens_and_ends_sessions()
    {
        await using var api = await SeededApi.StartAsync();
        using var browser = Browser(api);
        await browser.PostAsJsonAsync("/api/v1/session", new { username = "sam.police", password = SeededApi.Password });
        using var token = api.ClientFor("police");
        using var admin = api.ClientFor("admin");
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/matches")).StatusCode);

        var refused = await admin.PutAsJsonAsync("/api/v1/users/sam.police/role", new { role = "police" });
        var changed = await admin.PutAsJsonAsync("/api/v1/users/sam.police/role", new { role = "evaluator" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // police need a borough
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync("/api/v1/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/reports/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/reports/summary")).StatusCode);
    }
}
