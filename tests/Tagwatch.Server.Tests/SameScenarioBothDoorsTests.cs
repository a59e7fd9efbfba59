using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;
using Tagwatch.Storage.Accounts;

namespace Tagwatch.Server.Tests;

/// <summary>
/// One scenario — enrol, an exclusion zone, fixes that breach it, the alert, a crime beside the breach, the match, its
/// review, disclosure to the crime borough's police and their outcome — once through the API and once through the console,
/// each on a fresh database with the same inputs. The two doors front the same use cases, so they must store the same
/// result and write the same audit records (who acted legitimately differs: a signed-in account or the console).
/// </summary>
public sealed class SameScenarioBothDoorsTests
{
    private const string Tag = RunningServer.OsmAndId;
    private const string Password = "correct horse battery staple";

    /// <summary>Both doors' clock, fixed within the scheme's pilot year.</summary>
    private static readonly DateTimeOffset Start = new(2019, 3, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Six fixes a minute apart inside the zone, from a minute after it starts.</summary>
    private static readonly DateTimeOffset[] FixTimes = [.. Enumerable.Range(1, 6).Select(i => Start.AddMinutes(i))];

    private static readonly string CrimeCsv =
        "crime_ref,category,lat,lon,committed_from,committed_to\n"
        + $"SCN-1,robbery,51.4700,-0.1001,{Iso(Start.AddMinutes(-5))},{Iso(Start.AddMinutes(15))}\n";

    /// <summary>Reads by the test itself (polling, listing): each door is read differently, so they are not compared.</summary>
    private static readonly string[] ReadActions = ["view.", "list.", "sign.in", "audit."];

    [Fact]
    public async Task The_same_scenario_through_the_API_and_the_console_stores_the_same_result_and_the_same_audit_records()
    {
        var (apiStored, apiAudit) = await ThroughTheApiAsync();
        var (consoleStored, consoleAudit) = await ThroughTheConsoleAsync();

        var storedDifferences = Differences(apiStored, consoleStored);
        var auditDifferences = Differences(Comparable(apiAudit), Comparable(consoleAudit));

        Assert.True(
            storedDifferences.Count == 0 && auditDifferences.Count == 0,
            "The doors diverge.\n"
            + $"Stored result ({storedDifferences.Count}):\n  {string.Join("\n  ", storedDifferences)}\n"
            + $"Audit records ({auditDifferences.Count}):\n  {string.Join("\n  ", auditDifferences)}");
    }

    private static async Task<(List<string> Stored, List<string> Audit)> ThroughTheApiAsync()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await RunningServer.StartAsync(o => o with { SignInAttemptsPerMinute = 1000 }, clock: clock);
        var accounts = server.App.Services.GetRequiredService<UserAccounts>();
        using var probation = await ClientAsync(server, accounts, new NewUser("pat.probation", Role.ProbationOfficer, [], []));
        using var admin = await ClientAsync(server, accounts, new NewUser("ada.admin", Role.Administrator, [], []));
        using var monitoring = await ClientAsync(server, accounts, new NewUser("mo.centre", Role.MonitoringOfficer, [], []));
        using var reviewer = await ClientAsync(server, accounts, new NewUser("rae.reviewer", Role.MatchReviewer, [], []));

        var enrolled = await Ok(await probation.PostAsJsonAsync("/api/v1/offenders", new
        {
            given_name = "Sam", family_name = "Example", date_of_birth = "1998-05-01", index_offences = new[] { "Robbery" },
            custodial_sentence_served = true, gps_licence_condition = true, licence_start = "2019-03-01", licence_end = "2020-01-31",
            latitude = 51.4613, longitude = -0.1156, risk_tier = "high",
        }));
        string reference = enrolled.GetProperty("reference").GetString()!;
        await Ok(await admin.PostAsJsonAsync($"/api/v1/tags/{Tag}/assignments", new { offender = reference, from = Iso(Start.AddDays(-1)) }));
        await Ok(await probation.PostAsJsonAsync($"/api/v1/offenders/{reference}/conditions", new
        {
            kind = "exclusion", label = "victim's street", area = new { circle = new { latitude = 51.4700, longitude = -0.1000, radius = 200 } },
            schedule = "always", from = Iso(Start),
        }));

        clock.SetUtcNow(Start.AddMinutes(10));
        // The six fixes arrive together, as the console imports them together: the alert rests on the same evidence.
        string fixes = string.Join(',', FixTimes.Select(t => $$"""{"device_id":"{{Tag}}","time":"{{Iso(t)}}","lat":51.4700,"lon":-0.1001,"accuracy_m":8}"""));
        using (var upload = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ingest/batch") { Content = new StringContent($$"""{"fixes":[{{fixes}}]}""", Encoding.UTF8, "application/json") })
        {
            upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.OsmAndSecret);
            await Ok(await server.Api.SendAsync(upload));
        }

        await UntilAsync(async () => (await monitoring.GetStringAsync("/api/v1/alerts")).Contains("exclusion", StringComparison.Ordinal), "the exclusion alert");
        await Ok(await reviewer.PostAsync("/api/v1/crimes/import?format=tagwatch", new StringContent(CrimeCsv, Encoding.UTF8, "text/csv")));
        JsonElement match = default;
        await UntilAsync(async () =>
        {
            var list = JsonDocument.Parse(await reviewer.GetStringAsync("/api/v1/matches")).RootElement;
            var items = list.ValueKind == JsonValueKind.Array ? list : list.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value;
            match = items.EnumerateArray().FirstOrDefault();
            return match.ValueKind == JsonValueKind.Object;
        }, "the match");
        long id = match.GetProperty("id").GetInt64();
        string borough = match.GetProperty("borough").GetString()!;
        using var police = await ClientAsync(server, accounts, new NewUser("sam.police", Role.Police, [borough], []));

        await Ok(await reviewer.PostAsJsonAsync($"/api/v1/matches/{id}/qualify", new { reason = "passed the site at the time" }));
        await Ok(await reviewer.PostAsJsonAsync($"/api/v1/matches/{id}/disclose", new { reason = "robbery investigation" }));
        await Ok(await police.PostAsJsonAsync($"/api/v1/matches/{id}/outcome", new { outcome = "arrested", note = "arrested on suspicion" }));

        string database = server.Options.Database;
        await server.App.StopAsync();
        return (StoredResult.Read(database), StoredResult.ReadAudit(database, ReadActions));
    }

    private static async Task<(List<string> Stored, List<string> Audit)> ThroughTheConsoleAsync()
    {
        using var console = new ConsoleDoor(new FakeTimeProvider(Start.AddMinutes(10)));
        string db = console.DatabasePath;
        await console.OkAsync("offenders", "enrol", "--given-name", "Sam", "--family-name", "Example", "--dob", "1998-05-01", "--offence", "robbery",
            "--custodial", "--gps-condition", "--licence-start", "2019-03-01", "--licence-end", "2020-01-31", "--home-lat", "51.4613", "--home-lon", "-0.1156",
            "--risk-tier", "high", "--ref", "TW-00001", "--db", db);
        await console.OkAsync("tags", "add", Tag, "--protocol", "osmand", "--db", db);
        await console.OkAsync("tags", "assign", Tag, "--offender", "TW-00001", "--from", Iso(Start.AddDays(-1)), "--db", db);
        await console.OkAsync("zones", "add", "--offender", "TW-00001", "--kind", "exclusion", "--circle", "51.4700,-0.1000,200", "--label", "victim's street",
            "--from", Iso(Start), "--db", db);
        string fixes = console.Write("fixes.csv", "tag_id,timestamp,lat,lon,accuracy_m\n" + string.Concat(FixTimes.Select(t => $"{Tag},{Iso(t)},51.4700,-0.1001,8\n")));
        await console.OkAsync("import", "fixes", fixes, "--no-correlate", "--db", db);
        await console.OkAsync("alerts", "evaluate", "--from", Iso(Start), "--db", db);
        await console.OkAsync("import", "crimes", console.Write("crimes.csv", CrimeCsv), "--format", "tagwatch", "--db", db);
        var match = JsonDocument.Parse(await console.OkAsync("matches", "list", "--json", "--db", db)).RootElement;
        string id = (match.ValueKind == JsonValueKind.Array ? match[0] : match).GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
        await console.OkAsync("matches", "qualify", id, "--reason", "passed the site at the time", "--db", db);
        await console.OkAsync("matches", "disclose", id, "--reason", "robbery investigation", "--db", db);
        await console.OkAsync("matches", "outcome", id, "--outcome", "arrested", "--note", "arrested on suspicion", "--db", db);
        return (StoredResult.Read(db), StoredResult.ReadAudit(db, ReadActions));
    }

    private static async Task<HttpClient> ClientAsync(RunningServer server, UserAccounts accounts, NewUser user)
    {
        await accounts.CreateAsync(user, Password);
        var (_, secret) = await accounts.CreateTokenAsync(user.Username, "tests", TimeSpan.FromDays(1));
        var client = new HttpClient { BaseAddress = server.Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Waits for what the server's workers do beside the request (monitoring, correlation), within a bound.</summary>
    private static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await done())
        {
            Assert.True(!bound.IsCancellationRequested, $"the API never showed {what}");
            await tick.WaitForNextTickAsync();
        }
    }

    /// <summary>
    /// The audit records both doors write for the scenario's user actions. Left out by nature of the door, not of the use
    /// case: how the tag and its fixes arrive (the test server registers its tags before it starts and the tag uploads
    /// its fixes itself; at the console an administrator registers the tag and imports a file of fixes), and which
    /// officer's caseload gains the enrolled person (the console has no account whose caseload could).
    /// </summary>
    private static List<string> Comparable(List<string> audit) =>
        [.. audit
            .Where(line => !line.Contains("SubjectType=fixes |", StringComparison.Ordinal) && !line.Contains("Data=registered (", StringComparison.Ordinal))
            .Select(line => System.Text.RegularExpressions.Regex.Replace(line, "; added to [^;|]*'s caseload", ""))];

    /// <summary>Lines only one side has, marked with the door that has them.</summary>
    private static List<string> Differences(List<string> api, List<string> console) =>
        [.. api.Except(console).Select(l => "API only:     " + l), .. console.Except(api).Select(l => "console only: " + l)];

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
