using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tagwatch.Server.Tests;

public sealed class EnrolmentApiTests
{
    private static object Person(bool gps = true, string born = "1990-01-01") => new
    {
        given_name = "Alex", family_name = "Newman", date_of_birth = born, index_offences = new[] { "Robbery" }, custodial_sentence_served = true, gps_licence_condition = gps,
        licence_start = "2019-03-01", licence_end = "2019-09-01", latitude = 51.4613, longitude = -0.1156, risk_tier = "High",
    };

    [Fact]
    public async Task An_enrolled_person_joins_the_officers_caseload_then_wears_a_tag_the_administrator_registers()
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");
        using var admin = api.ClientFor("admin");

        var enrolled = await probation.PostAsJsonAsync("/api/v1/offenders", Person());
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        string reference = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await probation.GetAsync($"/api/v1/offenders/{reference}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientFor("probation-other").GetAsync($"/api/v1/offenders/{reference}")).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/tags", new { id = "359881999000009", protocol = "GT06" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/tags", new { id = "359881999000009", protocol = "gt06" })).StatusCode);
        var worn = await admin.PostAsJsonAsync("/api/v1/tags/359881999000009/assignments", new { offender = reference, from = "2019-03-01T09:00:00Z" });
        Assert.Equal(HttpStatusCode.Created, worn.StatusCode);
        var assignment = (await api.Server.Services.Tags.AssignmentsAsync()).Single(a => a.Tag.Value == "359881999000009");
        Assert.Equal(reference, (await api.Server.Services.Offenders.ListAsync()).Single(o => o.Id == assignment.Offender).Reference.ToString());
    }

    [Fact]
    public async Task A_backdated_fitting_over_stored_fixes_is_refused_and_made_only_as_a_correction_with_its_reason()
    {
        await using var api = await SeededApi.StartAsync();
        using var admin = api.ClientFor("admin");
        var tag = api.Pilot.Offenders[0].Tag;
        var wearer = (await api.Server.Services.Tags.AssignmentsAsync()).Single(a => a.Tag == tag).Offender;
        string other = (await api.Server.Services.Offenders.ListAsync()).First(o => o.Id != wearer).Reference.ToString();
        string from = (api.Pilot.Options.Start.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant() + NodaTime.Duration.FromDays(1)).ToString();

        var backdated = await admin.PostAsJsonAsync($"/api/v1/tags/{tag.Value}/assignments", new { offender = other, from });
        var unexplained = await admin.PostAsJsonAsync($"/api/v1/tags/{tag.Value}/assignments/corrections", new { offender = other, from, reason = "" });
        var corrected = await admin.PostAsJsonAsync($"/api/v1/tags/{tag.Value}/assignments/corrections", new { offender = other, from, reason = "fitted to the wrong person on the record" });

        Assert.Equal(HttpStatusCode.Conflict, backdated.StatusCode);
        Assert.Contains("would change whose they are", await backdated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var audited = Assert.Single(await api.Server.Services.Audit.SearchAsync(new(Action: "correct.assignment")));
        Assert.Equal(("ada.admin", other), (audited.Event.Actor, audited.Event.SubjectId));
        Assert.Contains("fitted to the wrong person on the record", audited.Event.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrolling_the_same_name_and_date_of_birth_again_is_accepted_with_a_warning_naming_the_earlier_record()
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");
        var first = await probation.PostAsJsonAsync("/api/v1/offenders", Person());
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        string earlier = firstBody.GetProperty("reference").GetString()!;

        var second = await probation.PostAsJsonAsync("/api/v1/offenders", Person());

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([earlier], body.GetProperty("likely_duplicates").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains($"likely duplicate: {earlier}", body.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(firstBody.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task An_ineligible_person_is_refused_with_the_schemes_reasons_and_bad_fields_are_named()
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");

        var refused = await probation.PostAsJsonAsync("/api/v1/offenders", Person(gps: false));
        var badDate = await probation.PostAsJsonAsync("/api/v1/offenders", Person(born: "01/01/1990"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotEmpty((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusals").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.True((await badDate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("date_of_birth", out _));
        Assert.Equal(6, (await api.Server.Services.Offenders.ListAsync()).Count);
    }

    [Fact]
    public async Task The_administrator_changes_the_schemes_settings_and_an_incoherent_change_is_refused_whole()
    {
        await using var api = await SeededApi.StartAsync();
        using var admin = api.ClientFor("admin");

        var changed = await admin.PutAsJsonAsync("/api/v1/scheme", new { capacity = 120, boroughs = new[] { "Lambeth", "Croydon" } });
        var incoherent = await admin.PutAsJsonAsync("/api/v1/scheme", new { capacity = 0, length_months = 0 });
        var unknown = await admin.PutAsJsonAsync("/api/v1/scheme", new { boroughs = new[] { "Gotham" } });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, incoherent.StatusCode);
        string problems = await incoherent.Content.ReadAsStringAsync();
        Assert.Contains("capacity must be at least 1", problems, StringComparison.Ordinal);
        Assert.Contains("length must be at least 1 month", problems, StringComparison.Ordinal);
        Assert.Contains("'Gotham' is not a London borough", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var scheme = await api.Server.Services.OffenderStore.GetSchemeAsync();
        Assert.Equal(120, scheme.Capacity);
        Assert.Equal(["E09000022", "E09000008"], scheme.BoroughCodes);
        var record = Assert.Single(await api.Server.Services.Audit.SearchAsync(new(Action: "change.settings")));
        // OffenderCommandsTests asserts the same text for `scheme set`: the use case writes it, whichever door.
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"scheme: capacity 120; boroughs [E09000022,E09000008]; {body.GetProperty("start").GetString()}–{body.GetProperty("end").GetString()}; correlation from {scheme.CorrelationMinimumTier}", record.Event.Data);
        Assert.Equal(["E09000022", "E09000008"], body.GetProperty("boroughs").EnumerateArray().Select(b => b.GetString()));
    }

    [Fact]
    public async Task Probation_ends_monitoring_and_changes_the_risk_tier_of_their_caseload_with_typed_answers()
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");
        using var other = api.ClientFor("probation-other");
        string reference = api.CaseloadReference;

        var risk = await probation.PostAsJsonAsync($"/api/v1/offenders/{reference}/risk-tier", new { tier = "very_high", reason = "new intelligence", from = "2019-04-01" });
        var badTier = await probation.PostAsJsonAsync($"/api/v1/offenders/{reference}/risk-tier", new { tier = "extreme", reason = "x" });
        var outside = await other.PostAsJsonAsync($"/api/v1/offenders/{reference}/end", new { reason = "recalled" });
        var noReason = await probation.PostAsJsonAsync($"/api/v1/offenders/{reference}/end", new { reason = " " });
        var ended = await probation.PostAsJsonAsync($"/api/v1/offenders/{reference}/end", new { reason = "recalled to custody", last_day = "2019-06-30" });
        var again = await probation.PostAsJsonAsync($"/api/v1/offenders/{reference}/end", new { reason = "recalled to custody" });
        var shown = await probation.GetFromJsonAsync<JsonElement>($"/api/v1/offenders/{reference}");

        Assert.Equal(HttpStatusCode.OK, risk.StatusCode);
        Assert.Equal("very_high", (await risk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tier").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badTier.StatusCode);
        Assert.True((await badTier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("tier", out _));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(("ended", "very_high", "2019-06-30"), (shown.GetProperty("status").GetString(), shown.GetProperty("risk_tier").GetString(), shown.GetProperty("monitoring_end").GetString()));
        Assert.Equal("recalled to custody", shown.GetProperty("end_reason").GetString());
        var records = await api.Server.Services.Audit.SearchAsync(new(Action: "change.record", SubjectId: reference));
        Assert.Equal(["risk tier VeryHigh from 2019-04-01: new intelligence", "monitoring ended on 2019-06-30: recalled to custody"], records.Select(r => r.Event.Data));
    }

    [Fact]
    public async Task An_enrolment_with_an_offence_or_tier_that_is_not_one_of_the_values_is_refused_naming_the_field()
    {
        await using var api = await SeededApi.StartAsync();
        using var probation = api.ClientFor("probation");
        var person = JsonSerializer.SerializeToNode(Person())!.AsObject();
        person["index_offences"] = new System.Text.Json.Nodes.JsonArray("jaywalking");

        var response = await probation.PostAsJsonAsync("/api/v1/offenders", person);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.StartsWith("index_offences[0]: is not one of ", detail, StringComparison.Ordinal);
        Assert.Contains("robbery", detail, StringComparison.Ordinal);
    }
}
