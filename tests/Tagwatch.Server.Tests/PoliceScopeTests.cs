using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tagwatch.Core.Access;
using Tagwatch.Core.Geo;

namespace Tagwatch.Server.Tests;

/// <summary>A police account searches and sees positions only in its boroughs (and the documented buffer beyond them).</summary>
public sealed class PoliceScopeTests
{
    private const string Lambeth = "E09000022";
    private static readonly (double Lat, double Lon) CroydonCentre = (51.3762, -0.0982);
    private static readonly (double Lat, double Lon) OxfordCircus = (51.5152, -0.1418); // Westminster

    [Fact]
    public async Task Lambeth_police_are_refused_trails_exports_and_near_searches_in_Croydon_and_Westminster()
    {
        await using var api = await SeededApi.StartAsync();
        using var police = await api.NewPoliceClientAsync("lam.police", Lambeth);
        var start = api.Pilot.Options.Start.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant() + NodaTime.Duration.FromHours(8);
        string window = $"from={start}&to={start + NodaTime.Duration.FromHours(6)}&purpose=robbery%20enquiry%20CR-9";

        foreach (var (lat, lon) in new[] { CroydonCentre, OxfordCircus })
        {
            string area = FormattableString.Invariant($"lat={lat}&lon={lon}&radius=500");
            var trail = await police.GetAsync($"/api/v1/offenders/{api.CaseloadReference}/trail?{window}&{area}");
            var export = await police.GetAsync($"/api/v1/offenders/{api.CaseloadReference}/trail?{window}&{area}&format=csv");
            var unknown = await police.GetAsync($"/api/v1/offenders/TW-99999/trail?{window}&{area}");
            var near = await police.PostAsJsonAsync("/api/v1/near", new { latitude = lat, longitude = lon, radius = 500, from = start.ToString(), to = (start + NodaTime.Duration.FromHours(1)).ToString(), purpose = "robbery enquiry CR-9" });

            Assert.Equal(
                (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
                (trail.StatusCode, export.StatusCode, unknown.StatusCode, near.StatusCode));
            string detail = await DetailAsync(trail);
            Assert.Contains("Lambeth", detail, StringComparison.Ordinal);
            Assert.Contains("250 m", detail, StringComparison.Ordinal);

            // The refusal is decided by the area alone: it says nothing about whether the person exists.
            Assert.Equal(detail, await DetailAsync(unknown));
        }

        Assert.Empty(await api.Server.Services.Searches.ListAsync());
        Assert.Empty(await api.Server.Services.Audit.SearchAsync(new Application.Audit.AuditQuery(Action: Application.Audit.AuditActions.ViewTrail)));
        Assert.Empty(await api.Server.Services.Audit.SearchAsync(new Application.Audit.AuditQuery(Action: Application.Audit.AuditActions.Export)));
    }

    [Fact]
    public async Task A_circle_reaching_past_the_buffer_is_refused_and_every_fix_returned_lies_in_the_boroughs()
    {
        await using var api = await SeededApi.StartAsync();
        using var police = await api.NewPoliceClientAsync("lam.police", Lambeth);
        var scope = BoroughScope.Of([Lambeth]);
        var centre = new GeoPoint(51.47, -0.11);
        double fits = Math.Floor(scope.MaxRadiusMetres(centre));
        var start = api.Pilot.Options.Start.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant();
        string trail = $"/api/v1/offenders/{api.CaseloadReference}/trail?from={start}&to={start + NodaTime.Duration.FromHours(24)}&purpose=robbery%20enquiry%20CR-9&limit=5000"
            + FormattableString.Invariant($"&lat={centre.Latitude}&lon={centre.Longitude}");

        var tooFar = await police.GetAsync(trail + FormattableString.Invariant($"&radius={Math.Min(fits + 50, AccessPolicy.PoliceTrailRadiusMetres)}"));
        var fitting = await police.GetFromJsonAsync<JsonElement>(trail + FormattableString.Invariant($"&radius={fits}"));

        Assert.True(fits < AccessPolicy.PoliceTrailRadiusMetres, $"the test needs a centre nearer the boundary than {AccessPolicy.PoliceTrailRadiusMetres} m; {fits} m fits");
        Assert.Equal(HttpStatusCode.Forbidden, tooFar.StatusCode);
        Assert.Contains(FormattableString.Invariant($"at most {fits} m"), await DetailAsync(tooFar), StringComparison.Ordinal);
        Assert.All(fitting.GetProperty("fixes").EnumerateArray(), f =>
            Assert.True(scope.Covers(new GeoPoint(f.GetProperty("latitude").GetDouble(), f.GetProperty("longitude").GetDouble()))));
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
}
