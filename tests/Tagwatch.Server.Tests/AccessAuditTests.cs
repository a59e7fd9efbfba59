using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tagwatch.Application.Audit;

namespace Tagwatch.Server.Tests;

/// <summary>Every look at location or personal data leaves its audit record, and scope limits are enforced with reasons.</summary>
public sealed class AccessAuditTests
{
    [Fact]
    public async Task Each_access_to_location_data_produces_its_audit_record_with_who_what_and_why()
    {
        await using var api = await SeededApi.StartAsync();
        var start = api.Pilot.Options.Start.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant() + NodaTime.Duration.FromHours(8);
        string window = $"from={start}&to={start + NodaTime.Duration.FromHours(6)}";
        using var probation = api.ClientFor("probation");
        using var police = api.ClientFor("police");
        using var monitoring = api.ClientFor("monitoring");
        using var reviewer = api.ClientFor("reviewer");
        var (lat, lon) = api.CentreOf("police");
        string area = FormattableString.Invariant($"lat={lat}&lon={lon}&radius={Math.Min(1500, Math.Floor(Core.Access.BoroughScope.Of([api.PoliceBoroughs["police"]]).MaxRadiusMetres(new(lat, lon))))}");

        var checks = new (HttpClient Client, string Path, string Action, string Actor, string? Subject, string? Purpose)[]
        {
            (probation, $"/api/v1/offenders/{api.CaseloadReference}", AuditActions.ViewRecord, "pat.probation", api.CaseloadReference, null),
            (probation, $"/api/v1/offenders/{api.CaseloadReference}/trail?{window}", AuditActions.ViewTrail, "pat.probation", api.CaseloadReference, null),
            (probation, $"/api/v1/offenders/{api.CaseloadReference}/trail?{window}&format=gpx", AuditActions.Export, "pat.probation", api.CaseloadReference, null),
            (police, $"/api/v1/offenders/{api.CaseloadReference}/trail?{window}&purpose=robbery%20enquiry%20CR-1&{area}", AuditActions.ViewTrail, "sam.police", api.CaseloadReference, "robbery enquiry CR-1"),
            (police, $"/api/v1/matches/{api.DisclosedMatch.Id}", AuditActions.ViewMatch, "sam.police", api.DisclosedMatch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null),
            (reviewer, "/api/v1/matches", AuditActions.ListMatches, "rae.reviewer", null, null),
            (monitoring, "/api/v1/positions/live", AuditActions.ViewPositions, "mo.centre", null, null),
            (monitoring, "/api/v1/alerts", AuditActions.ViewAlerts, "mo.centre", null, null),
        };
        foreach (var check in checks)
        {
            var before = (await api.Server.Services.Audit.VerifyAsync()).HeadSequence;
            using var response = await check.Client.GetAsync(check.Path);
            Assert.True(response.IsSuccessStatusCode, $"{check.Path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var records = await api.Server.Services.Audit.SearchAsync(new AuditQuery(AfterSequence: before));
            var record = Assert.Single(records);
            Assert.Equal((check.Action, check.Actor, check.Subject, check.Purpose), (record.Event.Action, record.Event.Actor, record.Event.SubjectId, record.Event.Purpose));
        }

        var near = await police.PostAsJsonAsync("/api/v1/near", new { latitude = lat, longitude = lon, radius = 200, from = start.ToString(), to = (start + NodaTime.Duration.FromHours(1)).ToString(), purpose = "robbery enquiry CR-2" });
        Assert.Equal(HttpStatusCode.OK, near.StatusCode);
        var search = (await api.Server.Services.Audit.SearchAsync(new AuditQuery(Action: AuditActions.Search))).Single();
        Assert.Equal("robbery enquiry CR-2", search.Event.Purpose);
        Assert.True((await api.Server.Services.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Police_trail_access_needs_a_purpose_a_day_at_most_and_a_small_area_and_returns_only_fixes_inside_it()
    {
        await using var api = await SeededApi.StartAsync();
        var start = api.Pilot.Options.Start.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant();
        string basePath = $"/api/v1/offenders/{api.CaseloadReference}/trail?from={start}";
        using var police = api.ClientFor("police");

        var noPurpose = await police.GetAsync($"{basePath}&to={start + NodaTime.Duration.FromHours(2)}&lat=51.47&lon=-0.11&radius=1000");
        var tooLong = await police.GetAsync($"{basePath}&to={start + NodaTime.Duration.FromHours(25)}&purpose=robbery%20enquiry%20CR-1&lat=51.47&lon=-0.11&radius=1000");
        var tooWide = await police.GetAsync($"{basePath}&to={start + NodaTime.Duration.FromHours(2)}&purpose=robbery%20enquiry%20CR-1&lat=51.47&lon=-0.11&radius=5000");

        Assert.Equal(HttpStatusCode.BadRequest, noPurpose.StatusCode);
        Assert.Contains("purpose", await noPurpose.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("24 hours", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("2000 m", await tooWide.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await api.Server.Services.Audit.SearchAsync(new AuditQuery(Action: AuditActions.ViewTrail)));
        var wideSearch = await police.PostAsJsonAsync("/api/v1/near", new { latitude = 51.47, longitude = -0.11, radius = 3000, from = start.ToString(), to = (start + NodaTime.Duration.FromHours(2)).ToString(), purpose = "robbery enquiry CR-1" });
        var longSearch = await police.PostAsJsonAsync("/api/v1/near", new { latitude = 51.47, longitude = -0.11, radius = 500, from = start.ToString(), to = (start + NodaTime.Duration.FromDays(3)).ToString(), purpose = "robbery enquiry CR-1" });
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (wideSearch.StatusCode, longSearch.StatusCode));
        Assert.Contains("2000 m and 24 hours", await longSearch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await api.Server.Services.Searches.ListAsync());

        // The whole day for probation, then police with a 300 m circle around one of those fixes: a strict subset, all inside.
        using var probation = api.ClientFor("probation");
        var day = await probation.GetFromJsonAsync<JsonElement>($"{basePath}&to={start + NodaTime.Duration.FromHours(24)}&limit=5000");
        var all = day.GetProperty("fixes").EnumerateArray().ToList();
        Assert.NotEmpty(all);
        // A fix 300 m or more inside the boroughs of one of the two police accounts (their scope allows that circle).
        var (centre, officer) = all.SelectMany(f => new[] { "police", "police-other" }.Select(p => (Fix: f, Principal: p)))
            .First(c => Core.Access.BoroughScope.Of([api.PoliceBoroughs[c.Principal]]).MaxRadiusMetres(new(c.Fix.GetProperty("latitude").GetDouble(), c.Fix.GetProperty("longitude").GetDouble())) >= 300);
        double lat = centre.GetProperty("latitude").GetDouble(), lon = centre.GetProperty("longitude").GetDouble();
        using var inScope = api.ClientFor(officer);
        var area = await inScope.GetFromJsonAsync<JsonElement>(
            $"{basePath}&to={start + NodaTime.Duration.FromHours(24)}&purpose=robbery%20enquiry%20CR-1&lat={lat}&lon={lon}&radius=300&limit=5000");
        var inside = area.GetProperty("fixes").EnumerateArray().ToList();
        Assert.InRange(inside.Count, 1, all.Count - 1);
        Assert.All(inside, f => Assert.True(
            Core.Geo.Geodesic.DistanceMetres(lat, lon, f.GetProperty("latitude").GetDouble(), f.GetProperty("longitude").GetDouble()) <= 300));
    }

    [Fact]
    public async Task A_probation_officer_is_refused_people_outside_the_caseload_with_a_reason_and_unknown_references_are_named()
    {
        await using var api = await SeededApi.StartAsync();
        using var other = api.ClientFor("probation-other");

        var refused = await other.GetAsync($"/api/v1/offenders/{api.CaseloadReference}");
        var unknown = await other.GetAsync("/api/v1/offenders/TW-99999");
        var list = await other.GetFromJsonAsync<JsonElement>("/api/v1/offenders");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("not on your caseload", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("TW-99999", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(list.EnumerateArray(), o => o.GetProperty("reference").GetString() == api.CaseloadReference);
        Assert.Equal(1, list.GetArrayLength());
    }

    [Fact]
    public async Task The_evaluator_summary_holds_counts_only_no_references_names_or_positions()
    {
        await using var api = await SeededApi.StartAsync();
        using var evaluator = api.ClientFor("evaluator");

        string summary = await evaluator.GetStringAsync("/api/v1/reports/summary");

        Assert.Contains("\"enrolled\":6", summary, StringComparison.Ordinal);
        var report = JsonDocument.Parse(summary).RootElement;
        Assert.True(report.GetProperty("caseload").GetProperty("monitored_person_days").GetInt64() > 0);
        Assert.True(report.GetProperty("compliance").TryGetProperty("breaches_per_100_person_days", out _));
        foreach (var breakdown in new[] { report.GetProperty("caseload").GetProperty("by_home_borough"), report.GetProperty("caseload").GetProperty("by_risk_tier") })
        {
            // Small cells are suppressed: no count of 1 or 2 people is ever shown.
            Assert.All(breakdown.EnumerateObject(), cell => Assert.True(cell.Value.ValueKind == JsonValueKind.Null || cell.Value.GetInt32() >= 3, cell.ToString()));
        }

        Assert.Contains(report.GetProperty("caseload").GetProperty("by_home_borough").EnumerateObject(), cell => cell.Value.ValueKind == JsonValueKind.Null);
        Assert.DoesNotContain("TW-", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("latitude", summary, StringComparison.Ordinal);
        foreach (var person in api.Pilot.Offenders)
        {
            Assert.DoesNotContain(person.Person.FamilyName, summary, StringComparison.Ordinal);
        }
    }
}
