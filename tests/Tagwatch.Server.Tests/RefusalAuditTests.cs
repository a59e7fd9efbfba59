using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Tagwatch.Application.Audit;

namespace Tagwatch.Server.Tests;

/// <summary>Every refused request for personal data (403 or 404) is in the audit log with who asked, what and why.</summary>
public sealed class RefusalAuditTests
{
    [Fact]
    public async Task Each_refused_request_for_personal_data_is_recorded_with_who_what_and_why()
    {
        await using var api = await SeededApi.StartAsync();
        using var lambethPolice = await api.NewPoliceClientAsync("lam.police", "E09000022");
        var start = api.Pilot.Options.Start.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant() + NodaTime.Duration.FromHours(8);
        string match = api.DisclosedMatch.Id.ToString(CultureInfo.InvariantCulture);
        string croydonTrail = $"/api/v1/offenders/{api.CaseloadReference}/trail?from={start}&to={start + NodaTime.Duration.FromHours(2)}&purpose=robbery%20enquiry%20CR-9&lat=51.3762&lon=-0.0982&radius=500";

        var checks = new (HttpClient Client, string Path, HttpStatusCode? Status, string Actor, string SubjectType, string? Subject, string Why)[]
        {
            (api.ClientFor("evaluator"), $"/api/v1/offenders/{api.CaseloadReference}", HttpStatusCode.Forbidden, "eve.evaluator", "offender", api.CaseloadReference, "does not have ViewOffenderRecords"),
            (api.ClientFor("probation-other"), $"/api/v1/offenders/{api.CaseloadReference}", HttpStatusCode.Forbidden, "pip.probation", "offender", api.CaseloadReference, "not on your caseload"),
            (api.ClientFor("probation"), "/api/v1/offenders/TW-99999", HttpStatusCode.NotFound, "pat.probation", "offender", "TW-99999", "No person has the reference"),
            (lambethPolice, croydonTrail, HttpStatusCode.Forbidden, "lam.police", "offender", api.CaseloadReference, "not within your boroughs (Lambeth)"),
            (api.ClientFor("police-other"), $"/api/v1/matches/{match}", null, "sid.police", "match", match, "match"),
            (api.ClientFor("monitoring"), "/api/v1/alerts/999999", HttpStatusCode.NotFound, "mo.centre", "alert", "999999", "no alert 999999"),
            (api.ClientFor("police"), "/api/v1/positions/live", HttpStatusCode.Forbidden, "sam.police", "tag", null, "does not have ViewLivePositions"),
        };
        foreach (var check in checks)
        {
            var before = (await api.Server.Services.Audit.VerifyAsync()).HeadSequence;
            using var response = await check.Client.GetAsync(check.Path);

            // The record is written before the answer starts, so it is there as soon as the answer is.
            var record = Assert.Single(await api.Server.Services.Audit.SearchAsync(new AuditQuery(AfterSequence: before)));
            // Another borough's match: refused, as 403 or as if unknown (404); either way recorded.
            Assert.True(check.Status is { } status ? status == response.StatusCode : response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{check.Path}: {(int)response.StatusCode}");
            Assert.Equal(
                (AuditActions.Refused, check.Actor, check.SubjectType, check.Subject),
                (record.Event.Action, record.Event.Actor, record.Event.SubjectType, record.Event.SubjectId));
            Assert.Contains(check.Path.Split('?')[0], record.Event.Data, StringComparison.Ordinal);
            Assert.Contains(check.Why, record.Event.Data, StringComparison.OrdinalIgnoreCase);
        }

        var trail = Assert.Single(await api.Server.Services.Audit.SearchAsync(new AuditQuery(Actor: "lam.police")));
        Assert.Equal("robbery enquiry CR-9", trail.Event.Purpose);

        var near = await lambethPolice.PostAsJsonAsync("/api/v1/near", new { latitude = 51.5152, longitude = -0.1418, radius = 300, from = start.ToString(), to = (start + NodaTime.Duration.FromHours(1)).ToString(), purpose = "robbery enquiry CR-9" });
        Assert.Equal(HttpStatusCode.Forbidden, near.StatusCode);
        var search = Assert.Single(await api.Server.Services.Audit.SearchAsync(new AuditQuery(Actor: "lam.police", Action: AuditActions.Refused)), r => r.Event.SubjectType == "area");
        Assert.Contains("POST /api/v1/near", search.Event.Data, StringComparison.Ordinal);
        Assert.True((await api.Server.Services.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Refusals_outside_personal_data_are_not_recorded_as_refused_access()
    {
        await using var api = await SeededApi.StartAsync();
        using var evaluator = api.ClientFor("evaluator");

        var users = await evaluator.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.Empty(await api.Server.Services.Audit.SearchAsync(new AuditQuery(Action: AuditActions.Refused)));
    }
}
