using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Disclosure;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Disclosure.Pdf.Tests;

/// <summary>Disclosure packs for the map tests: a robbery in Vauxhall and a tag walking past it.</summary>
internal static class SamplePacks
{
    public static readonly GeoPoint Vauxhall = new(51.48936564950, -0.11992557180);

    /// <summary>A pack whose tag walks past the crime with <paramref name="points"/> evidence points a minute apart,
    /// <paramref name="stepMetres"/> apart on the ground.</summary>
    public static DisclosurePack Walk(int points = 8, double stepMetres = 18)
    {
        var at = Instant.FromUtc(2019, 3, 1, 12, 30);
        var crime = new Crime
        {
            Force = "MPS", Reference = "CRI1", Category = CrimeCategory.Robbery, CategoryCode = "robbery", CommittedFrom = at, CommittedTo = at + Duration.FromMinutes(15),
            Position = Vauxhall, Grid = NationalGrid.ToGrid(Vauxhall), LocationPrecisionMetres = 25, BoroughCode = "E09000022",
        };
        var match = new StoredMatch(1, "MPS", "CRI1", 1, "863586038760942", null, 0.8, true, 0, at.ToUnixTimeMilliseconds(), 0, 0, "disclosed", Guid.NewGuid(), 0);
        var disclosure = new MatchReviewEntry(at + Duration.FromDays(1), "rita.reviewer", "Reviewer", "qualified", "disclosed", null, "investigation of the robbery", "MPS Lambeth");
        var evidence = new List<EvidencePoint>();
        var vicinity = new List<Fix>();
        for (int i = 0; i < points; i++)
        {
            double east = (i - points / 2.0) * stepMetres, north = (i - points / 2.0) * stepMetres * 0.4 + 12;
            var p = Offset(Vauxhall, east, north);
            long t = at.ToUnixTimeMilliseconds() + i * 60_000L;
            double distance = Math.Sqrt(east * east + north * north);
            evidence.Add(new EvidencePoint(t, p.Latitude, p.Longitude, 9, 4.5, 70, distance, distance - 100, Interpolated: i % 5 == 4));
            vicinity.Add(Fix.Create(Instant.FromUnixTimeMilliseconds(t), at, p, 9));
        }

        return new DisclosurePack(match, crime, null, null, disclosure, evidence, vicinity, [], MatchEvidenceJson.Factors(new ScoreFactors(1, 0, 1, 0.68, 1, 1)), 100, at + Duration.FromDays(2), "sam.police");
    }

    public static GeoPoint Offset(GeoPoint from, double eastMetres, double northMetres) =>
        new(from.Latitude + northMetres / 111_320, from.Longitude + eastMetres / (111_320 * Math.Cos(from.Latitude * Math.PI / 180)));
}
