using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tagwatch.Server.Tests;

/// <summary>Bad values in requests are refused with a 400 naming the field, before anything changes or anything is searched.</summary>
public sealed class RequestValidationTests
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_caseload_change_with_a_misspelt_or_missing_field_is_refused_naming_it_and_the_caseload_stays()
    {
        await using var api = await SeededApi.StartAsync();
        using var admin = api.ClientFor("admin");

        var misspelt = await admin.PutAsync("/api/v1/users/pat.probation/caseload", new StringContent("""{"caseloda":["TW-00001"]}""", Encoding.UTF8, "application/json"));
        var missing = await admin.PutAsync("/api/v1/users/pat.probation/caseload", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.True((await ProblemAsync(misspelt)).GetProperty("errors").TryGetProperty("caseloda", out _));
        Assert.True((await ProblemAsync(missing)).GetProperty("errors").TryGetProperty("caseload", out _));
        Assert.Equal([api.CaseloadReference], (await api.Accounts.GetAsync("pat.probation")).Caseload);
    }

    [Fact]
    public async Task An_unknown_member_in_any_request_body_is_refused_naming_it()
    {
        await using var api = await SeededApi.StartAsync();
        using var police = api.ClientFor("police");

        var response = await police.PostAsync("/api/v1/tokens", new StringContent("""{"name":"laptop","dayz":30}""", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response);
        Assert.Contains("dayz: is not a field of this request", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await api.Accounts.ListTokensAsync("sam.police"), t => t.Name == "laptop");
    }

    [Theory]
    [InlineData("\"bogus\"")]
    [InlineData("\"Arrested!\"")]
    [InlineData("2")]
    public async Task An_outcome_that_is_none_of_the_outcomes_is_refused_listing_them_and_nothing_is_recorded(string outcome)
    {
        await using var api = await SeededApi.StartAsync();
        using var police = api.ClientFor("police");
        string path = $"/api/v1/matches/{api.DisclosedMatch.Id}/outcome";

        var response = await police.PostAsync(path, new StringContent($$"""{"outcome":{{outcome}}}""", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response);
        Assert.Equal("outcome: is not one of no_further_action, eliminated, arrested, charged, convicted", problem.GetProperty("detail").GetString());
        var match = await (await police.GetAsync($"/api/v1/matches/{api.DisclosedMatch.Id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(match.TryGetProperty("outcome", out var recorded) && recorded.ValueKind != JsonValueKind.Null, $"an outcome was recorded: {match}");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public async Task A_police_trail_with_a_radius_that_is_no_number_is_refused_naming_the_radius(string radius)
    {
        await using var api = await SeededApi.StartAsync();
        using var police = api.ClientFor("police");
        var (lat, lon) = api.CentreOf("police");
        var start = api.Pilot.Options.Start.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant() + NodaTime.Duration.FromHours(8);
        string query = FormattableString.Invariant($"from={start}&to={start + NodaTime.Duration.FromHours(6)}&purpose=robbery%20enquiry%20CR-9&lat={lat}&lon={lon}&radius={radius}");

        var trail = await police.GetAsync($"/api/v1/offenders/{api.CaseloadReference}/trail?{query}");

        Assert.True((await ProblemAsync(trail)).GetProperty("errors").TryGetProperty("radius", out _));
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("1e400")]
    [InlineData("0")]
    public async Task A_near_search_with_a_radius_that_is_no_number_is_refused_naming_the_radius_and_nothing_is_searched(string radius)
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");
        string body = $$"""{"latitude":51.47,"longitude":-0.11,"radius":{{radius}},"from":"2019-03-01T08:00:00Z","to":"2019-03-01T09:00:00Z","purpose":"robbery enquiry CR-9"}""";

        var near = await probation.PostAsync("/api/v1/near", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True((await ProblemAsync(near)).GetProperty("errors").TryGetProperty("radius", out _));
        Assert.Empty(await api.Server.Services.Audit.SearchAsync(new(Action: "search.near")));
    }

    [Theory]
    [InlineData("licence_start", "9999-12-30")]
    [InlineData("licence_end", "9999-12-31")]
    [InlineData("date_of_birth", "0001-01-01")]
    public async Task An_enrolment_with_a_date_at_the_end_of_the_calendar_is_refused_naming_the_field(string field, string date)
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");
        var person = new Dictionary<string, object>
        {
            ["given_name"] = "Alex", ["family_name"] = "Newman", ["date_of_birth"] = "1990-01-01", ["index_offences"] = new[] { "Robbery" }, ["custodial_sentence_served"] = true,
            ["gps_licence_condition"] = true, ["licence_start"] = "2019-03-01", ["licence_end"] = "2019-09-01", ["latitude"] = 51.4613, ["longitude"] = -0.1156, ["risk_tier"] = "High",
        };
        person[field] = date;

        var response = await probation.PostAsJsonAsync("/api/v1/offenders", person);

        var errors = (await ProblemAsync(response)).GetProperty("errors");
        Assert.Contains("is not from 1900-01-01 to 2199-12-31", errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_in_answers_are_iso_8601_dates()
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");
        using var admin = api.ClientFor("admin");
        using var evaluator = api.ClientFor("evaluator");

        var person = await probation.GetFromJsonAsync<JsonElement>($"/api/v1/offenders/{api.CaseloadReference}");
        var caseload = await probation.GetFromJsonAsync<JsonElement>("/api/v1/offenders");
        var scheme = await admin.GetFromJsonAsync<JsonElement>("/api/v1/scheme");
        var report = await evaluator.GetFromJsonAsync<JsonElement>("/api/v1/reports/summary");

        string[] dates =
        [
            person.GetProperty("date_of_birth").GetString()!, person.GetProperty("licence_start").GetString()!, person.GetProperty("licence_end").GetString()!,
            person.GetProperty("monitoring_start").GetString()!, person.GetProperty("monitoring_end").GetString()!,
            .. person.GetProperty("risk_history").EnumerateArray().Select(r => r.GetProperty("from").GetString()!),
            caseload[0].GetProperty("licence_start").GetString()!, scheme.GetProperty("start").GetString()!, scheme.GetProperty("end").GetString()!,
            report.GetProperty("as_of").GetString()!,
        ];
        Assert.All(dates, d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d));
    }
}
