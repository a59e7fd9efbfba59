using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Geo;
using Tagwatch.Correlation.Scored;
using Tagwatch.Server.Disclosure;
using UglyToad.PdfPig;

namespace Tagwatch.Server.Tests;

public sealed class DisclosurePackPdfTests
{
    [Fact]
    public void Render_PointWithEstimatedAccuracy_IsMarkedInTheTableAndExplainedUnderIt()
    {
        var at = Instant.FromUtc(2019, 3, 1, 12, 30);
        var place = new GeoPoint(51.4613, -0.1156);
        var crime = new Crime
        {
            Force = "MPS", Reference = "CRI1", Category = CrimeCategory.Robbery, CategoryCode = "robbery", CommittedFrom = at, CommittedTo = at + Duration.FromMinutes(15),
            Position = place, Grid = NationalGrid.ToGrid(place),
        };
        var match = new StoredMatch(1, "MPS", "CRI1", 1, "863586038760942", null, 0.8, true, 0, at.ToUnixTimeMilliseconds(), 0, 0, "disclosed", Guid.NewGuid(), 0);
        var disclosure = new MatchReviewEntry(at + Duration.FromDays(1), "rita.reviewer", "Reviewer", "qualified", "disclosed", null, "investigation of the robbery", "MPS Lambeth");
        EvidencePoint[] evidence =
        [
            new(at.ToUnixTimeMilliseconds(), place.Latitude, place.Longitude, 20, null, null, 0, -120, false, AccuracyEstimated: true),
            new(at.ToUnixTimeMilliseconds() + 60_000, place.Latitude, place.Longitude, 7.5, null, null, 0, -107.5, false),
        ];
        var pack = new DisclosurePack(match, crime, null, null, disclosure, evidence, [], [], MatchEvidenceJson.Factors(new ScoreFactors(1, 0, 1, 0.68, 1, 1)), 100, at + Duration.FromDays(2), "sam.police");

        using var pdf = new MemoryStream();
        DisclosurePackPdf.Render(pack, pdf);

        using var document = PdfDocument.Open(pdf.ToArray());
        string squeezed = string.Join("\n", document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("20.0est.", squeezed, StringComparison.Ordinal);
        Assert.DoesNotContain("7.5est.", squeezed, StringComparison.Ordinal);
        Assert.Contains("confidenceradiusestimatedbyTagwatch,notreportedbythetag", squeezed, StringComparison.Ordinal);
        Assert.Contains("fixquality0.68", squeezed, StringComparison.Ordinal);
    }
}
