using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Disclosure;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Geo;
using Tagwatch.Correlation.Scored;
using UglyToad.PdfPig;

namespace Tagwatch.Disclosure.Pdf.Tests;

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

    [Fact]
    public void Render_CrimeInLondonSentAsWgs84_GivesTheOstn15GridReferenceAndSaysSo()
    {
        // OS test point TP09 (Vauxhall): ETRS89 51.48936564950, -0.11992557180 is OSGB36 530624.974, 178388.464.
        var place = new GeoPoint(51.48936564950, -0.11992557180);

        string text = RenderText(place, receivedAsGrid: false);

        // The reference truncates to its metre square, as OS references do; the coordinates beside it are given to the
        // centimetre so that they never read as a different square (rounded to the metre, E 530625 did).
        Assert.Contains("TQ3062478388(E530624.97,N178388.46)", text, StringComparison.Ordinal);
        Assert.Contains("gridreferencederivedfromitbyOrdnanceSurvey'sOSTN15", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Helmert", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CrimeSentAsGrid_SaysTheGridIsAsSuppliedAndHowWgs84WasDerived()
    {
        var grid = new GridPoint(530624.974, 178388.464);

        string text = RenderText(NationalGrid.ToWgs84(grid), receivedAsGrid: true, grid);

        Assert.Contains("gridreferenceassupplied;WGS84positionderivedfromitbyOrdnanceSurvey'sOSTN15", text, StringComparison.Ordinal);
        Assert.Contains("±1m(theWGS84positionderivedfromthesuppliedgridreference)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CrimeAndFixesNorthOfTheOstn15Grid_NoteTheHelmertFallbackAtTheLocationAndUnderTheMap()
    {
        // North of Shetland: on the National Grid but outside OSTN15's grid.
        var place = new GeoPoint(61.3, -1.0);

        string text = RenderText(place, receivedAsGrid: false);

        Assert.Contains("derivedfromitbytheOS7-parameterHelmertshift(Helmertfallback:outsidetheOSTN15grid,goodtoabout5m)", text, StringComparison.Ordinal);
        Assert.Contains(DisclosurePackPdf.MapFallbackNote.Replace(" ", "", StringComparison.Ordinal), text, StringComparison.Ordinal);
    }

    private static string RenderText(GeoPoint place, bool receivedAsGrid, GridPoint? grid = null)
    {
        var at = Instant.FromUtc(2019, 3, 1, 12, 30);
        var crime = new Crime
        {
            Force = "MPS", Reference = "CRI1", Category = CrimeCategory.Robbery, CategoryCode = "robbery", CommittedFrom = at, CommittedTo = at + Duration.FromMinutes(15),
            Position = place, Grid = grid ?? NationalGrid.ToGrid(place), ReceivedAsGrid = receivedAsGrid,
            LocationPrecisionMetres = receivedAsGrid ? NationalGrid.Ostn15AccuracyMetres : 0,
        };
        var match = new StoredMatch(1, "MPS", "CRI1", 1, "863586038760942", null, 0.8, true, 0, at.ToUnixTimeMilliseconds(), 0, 0, "disclosed", Guid.NewGuid(), 0);
        var disclosure = new MatchReviewEntry(at + Duration.FromDays(1), "rita.reviewer", "Reviewer", "qualified", "disclosed", null, "investigation of the robbery", "MPS Lambeth");
        EvidencePoint[] evidence = [new(at.ToUnixTimeMilliseconds(), place.Latitude, place.Longitude, 7.5, null, null, 0, -107.5, false)];
        var pack = new DisclosurePack(match, crime, null, null, disclosure, evidence, [], [], MatchEvidenceJson.Factors(new ScoreFactors(1, 0, 1, 0.68, 1, 1)), 100, at + Duration.FromDays(2), "sam.police");

        using var pdf = new MemoryStream();
        DisclosurePackPdf.Render(pack, pdf);
        using var document = PdfDocument.Open(pdf.ToArray());
        return string.Join("\n", document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
    }
}
