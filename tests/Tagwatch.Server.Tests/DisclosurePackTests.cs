using System.Net;
using System.Net.Http.Json;
using Tagwatch.Application.Disclosure;
using UglyToad.PdfPig;

namespace Tagwatch.Server.Tests;

public sealed class DisclosurePackTests
{
    [Fact]
    public async Task A_disclosed_match_has_a_pack_with_request_subject_exhibits_statement_and_caveat_and_the_export_is_audited()
    {
        await using var api = await SeededApi.StartAsync();
        var match = api.DisclosedMatch;
        using var police = api.ClientFor("police");

        var response = await police.GetAsync($"/api/v1/matches/{match.Id}/disclosure-pack");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        string text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        string squeezed = text.Replace(" ", "", StringComparison.Ordinal);
        var person = api.Pilot.Offenders.Single(o => o.Reference.ToString() == match.OffenderReference);
        foreach (string expected in new[]
        {
            "Requestsummary", match.CrimeReference, "Subjectsummary", person.Person.FamilyName, match.Tag, "ExhibitA", "ExhibitB:tableofpoints",
            "Timesthetagcouldnotbemonitored", "Witnessstatement", "doesnotshowthatthewearercommittedorwitnessedthecrime", "doesnotruleoutanyoneelse",
            "investigationoftherobbery", "sam.police",
        })
        {
            Assert.Contains(expected, squeezed, StringComparison.Ordinal);
        }

        int evidenceRows = System.Text.RegularExpressions.Regex.Count(text, @"\d\s*(measured|interpolated)");
        var detail = await api.Server.Services.Matches.GetMatchAsync(match.Id);
        Assert.Equal(System.Text.Json.JsonDocument.Parse(detail!.EvidenceJson).RootElement.GetArrayLength(), evidenceRows);
        var export = (await api.Server.Services.Audit.SearchAsync(new(Action: "export"))).Single();
        Assert.Equal(("sam.police", "investigation of the robbery"), (export.Event.Actor, export.Event.Purpose));
        Assert.Contains("disclosure pack", export.Event.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task There_is_no_pack_for_a_match_that_was_not_disclosed()
    {
        await using var api = await SeededApi.StartAsync();
        using var reviewer = api.ClientFor("reviewer");

        var response = await reviewer.GetAsync($"/api/v1/matches/{api.NewMatch!.Id}/disclosure-pack");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("produced for disclosed matches", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(DisclosurePack.Caveat);
    }
}
