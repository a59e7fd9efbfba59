using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tagwatch.Server.Tests;

public sealed class CrimesApiTests
{
    [Fact]
    public async Task An_uploaded_crime_file_gets_its_row_report_and_new_crimes_are_checked_against_trails_at_once()
    {
        await using var api = await SeededApi.StartAsync();
        using var reviewer = api.ClientFor("reviewer");
        // A crime on one wearer's own recorded fix, and two bad rows.
        var person = api.Pilot.Offenders[2];
        var fixes = await api.Server.Services.Fixes.ReadAsync(person.Tag, NodaTime.Instant.MinValue, NodaTime.Instant.MaxValue);
        var fix = fixes[fixes.Count / 2];
        string csv = string.Create(CultureInfo.InvariantCulture,
            $"crime_ref,category,lat,lon,committed_from,committed_to\nAPI-1,robbery,{fix.Latitude},{fix.Longitude},{fix.Time - NodaTime.Duration.FromMinutes(10)},{fix.Time + NodaTime.Duration.FromMinutes(10)}\n")
            + "API-2,robbery,95.0,-0.1,2019-02-18T10:00:00Z,2019-02-18T11:00:00Z\nAPI-3,robbery,51.47,-0.1,2019-02-18T12:00:00Z,2019-02-18T11:00:00Z\n";

        var response = await reviewer.PostAsync("/api/v1/crimes/import?format=tagwatch", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 1, 2), (report.GetProperty("rows").GetInt32(), report.GetProperty("accepted").GetInt32(), report.GetProperty("rejected").GetInt32()));
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt64(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3L, "lat"), (4L, "committed_to")], errors);
        Assert.True(report.GetProperty("correlation").GetProperty("matches").GetInt32() >= 1);
        var match = (await api.Server.Services.Matches.ListMatchesAsync()).Single(m => m.CrimeReference == "API-1" && m.Tag == person.Tag.Value);
        Assert.True(match.MinDistanceMetres < 1);
        Assert.Single(await api.Server.Services.Audit.SearchAsync(new(Action: "import.crimes")));
    }

    [Fact]
    public async Task Police_see_only_the_crimes_of_their_boroughs_and_a_bad_format_is_named()
    {
        await using var api = await SeededApi.StartAsync();
        using var police = api.ClientFor("police");
        var start = api.Pilot.Options.Start.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant();
        string window = $"from={start - NodaTime.Duration.FromDays(1)}&to={start + NodaTime.Duration.FromDays(10)}";

        var crimes = await police.GetFromJsonAsync<JsonElement>($"/api/v1/crimes?{window}");
        var all = await api.Server.Services.Crimes.CurrentAsync(start - NodaTime.Duration.FromDays(1), start + NodaTime.Duration.FromDays(10));
        var badFormat = await police.PostAsync("/api/v1/crimes/import?format=xls", new StringContent("x"));

        Assert.All(crimes.EnumerateArray(), c => Assert.Equal(api.DisclosedMatch.BoroughCode, c.GetProperty("borough").GetString()));
        Assert.Equal(all.Count(c => c.BoroughCode == api.DisclosedMatch.BoroughCode), crimes.GetArrayLength());
        Assert.True(all.Count > crimes.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("'xls' is not moj, policeuk or tagwatch", await badFormat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Police_import_only_crimes_of_their_own_boroughs_and_each_other_row_is_rejected_naming_its_borough()
    {
        await using var api = await SeededApi.StartAsync();
        using var police = api.ClientFor("police");
        var (ownLat, ownLon) = api.CentreOf("police");
        var (otherLat, otherLon) = api.CentreOf("police-other");
        var other = Core.Boroughs.BoroughMap.London.Find(api.PoliceBoroughs["police-other"])!;
        string csv = string.Create(CultureInfo.InvariantCulture, $"""
            crime_ref,category,lat,lon,committed_from,committed_to
            OWN-1,robbery,{ownLat},{ownLon},2019-02-18T10:00:00Z,2019-02-18T10:30:00Z
            OTHER-1,robbery,{otherLat},{otherLon},2019-02-18T10:00:00Z,2019-02-18T10:30:00Z
            KENT-1,robbery,51.2798,1.0789,2019-02-18T10:00:00Z,2019-02-18T10:30:00Z

            """);

        var response = await police.PostAsync("/api/v1/crimes/import?format=tagwatch", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 1, 2), (report.GetProperty("rows").GetInt32(), report.GetProperty("accepted").GetInt32(), report.GetProperty("rejected").GetInt32()));
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt64(), e.GetProperty("field").GetString(), e.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([(3L, "location"), (4L, "location")], errors.Select(e => (e.Item1, e.Item2)));
        Assert.Contains($"in {other.Name} ({other.Code}), outside your boroughs", errors[0].Item3, StringComparison.Ordinal);
        Assert.Contains("outside every London borough", errors[1].Item3, StringComparison.Ordinal);
        var stored = await api.Server.Services.Crimes.CurrentAsync(NodaTime.Instant.FromUtc(2019, 2, 18, 0, 0), NodaTime.Instant.FromUtc(2019, 2, 19, 0, 0));
        Assert.Contains(stored, c => c.Reference == "OWN-1");
        Assert.DoesNotContain(stored, c => c.Reference is "OTHER-1" or "KENT-1");
    }

    [Fact]
    public async Task The_listing_sorts_and_pages_with_the_total_in_a_header_and_the_monthly_counts_agree_with_it()
    {
        await using var api = await SeededApi.StartAsync();
        using var reviewer = api.ClientFor("reviewer");
        var start = api.Pilot.Options.Start.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant();
        string window = $"from={start - NodaTime.Duration.FromDays(1)}&to={start + NodaTime.Duration.FromDays(10)}";

        using var first = await reviewer.GetAsync($"/api/v1/crimes?{window}&category=robbery&sort=reference&page=1&pageSize=5");
        using var second = await reviewer.GetAsync($"/api/v1/crimes?{window}&category=robbery&sort=reference&page=2&pageSize=5");
        var monthly = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/crimes/monthly?{window}&category=robbery");
        using var badSort = await reviewer.GetAsync($"/api/v1/crimes?{window}&sort=colour");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        int total = int.Parse(first.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture);
        var references = (await first.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Concat((await second.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray())
            .Select(c => c.GetProperty("reference").GetString()!).ToList();
        Assert.Equal(10, references.Count);
        Assert.Equal(references.Order(StringComparer.Ordinal), references);
        Assert.Equal(total, monthly.GetProperty("counts").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
    }

    [Fact]
    public async Task A_police_uk_street_level_file_is_taken_as_area_context_with_its_row_report()
    {
        await using var api = await SeededApi.StartAsync();
        using var police = api.ClientFor("police");
        await using var file = File.OpenRead(TestData.Path("crimes", "policeuk-met-2019-02-sample.csv"));

        var response = await police.PostAsync("/api/v1/crimes/import?format=policeuk", new StreamContent(file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("accepted").GetInt32() > 0);
        Assert.Equal(report.GetProperty("rows").GetInt32(), report.GetProperty("accepted").GetInt32() + report.GetProperty("rejected").GetInt32() + report.GetProperty("duplicates").GetInt32());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("correlation").ValueKind); // area context is never matched to people
    }

    [Fact]
    public async Task Area_crimes_come_counted_per_map_point_police_see_their_boroughs_and_bad_input_is_named()
    {
        await using var api = await SeededApi.StartAsync();
        var (ownLat, ownLon) = api.CentreOf("police");
        var (otherLat, otherLon) = api.CentreOf("police-other");
        Core.Crimes.AreaCrime Row(double lat, double lon, string type, string borough) => new()
        {
            Month = new NodaTime.YearMonth(2019, 2), ReportedBy = "Metropolitan Police Service", Position = new Core.Geo.GeoPoint(lat, lon),
            CrimeType = type, BoroughCode = borough,
        };
        await api.Server.Services.Crimes.AddAreaCrimesAsync(
        [
            Row(ownLat, ownLon, "Burglary", api.PoliceBoroughs["police"]), Row(ownLat, ownLon, "Robbery", api.PoliceBoroughs["police"]),
            Row(otherLat, otherLon, "Drugs", api.PoliceBoroughs["police-other"]),
        ]);
        using var police = api.ClientFor("police");
        using var reviewer = api.ClientFor("reviewer");
        using var evaluator = api.ClientFor("evaluator");

        var own = await police.GetFromJsonAsync<JsonElement>("/api/v1/crimes/area?from=2019-02&to=2019-02");
        var all = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/crimes/area?from=2019-02&to=2019-02");
        var inverted = await police.GetAsync("/api/v1/crimes/area?from=2019-03&to=2019-02");
        var unknownBorough = await police.GetAsync("/api/v1/crimes/area?from=2019-02&to=2019-02&borough=Atlantis");
        var badMonth = await police.GetAsync("/api/v1/crimes/area?from=February&to=2019-02");
        var refused = await evaluator.GetAsync("/api/v1/crimes/area?from=2019-02&to=2019-02");

        var place = Assert.Single(own.GetProperty("places").EnumerateArray());
        Assert.Equal(2, place.GetProperty("crimes").GetInt32());
        Assert.Equal(["Burglary", "Robbery"], place.GetProperty("by_type").EnumerateArray().Select(t => t.GetProperty("crime_type").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal((2, 2), (own.GetProperty("shown_crimes").GetInt32(), own.GetProperty("total_crimes").GetInt32()));
        Assert.Equal(3, all.GetProperty("total_crimes").GetInt32());
        await AssertNamesFieldAsync(inverted, "to");
        await AssertNamesFieldAsync(unknownBorough, "borough");
        await AssertNamesFieldAsync(badMonth, "from");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        static async Task AssertNamesFieldAsync(HttpResponseMessage response, string field)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }
}
