using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Tagwatch.Application.Correlation;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;
using Tagwatch.Correlation.Scored;
using Tagwatch.Protocols.Crimes;
using Tagwatch.Tests;

namespace Tagwatch.Storage.Tests.Correlation;

/// <summary>A match's factors, evidence and gaps read in the API's one JSON style, whenever they were stored.</summary>
public abstract partial class MatchEvidenceJsonTests(StoreKind kind)
{
    private static readonly Instant Start = Instant.FromUtc(2019, 3, 1, 12, 0);
    private static readonly GeoPoint Spot = new(51.461312345, -0.115612345);
    private static readonly TagId Tag = TagId.Parse("359881030000001");

    [Fact]
    public async Task GetMatch_StoredMatch_IsSnakeCaseWithIsoInstantsAndSensibleDecimals()
    {
        var (db, _) = await MatchWithGapAsync(kind);
        await using var __ = db;

        var detail = await db.Matches.GetMatchAsync((await db.Matches.ListMatchesAsync()).Single().Id);

        using var factors = JsonDocument.Parse(detail!.FactorsJson);
        using var evidence = JsonDocument.Parse(detail.EvidenceJson);
        using var gaps = JsonDocument.Parse(detail.GapsJson);
        Assert.Equal(
            ["closeness", "dwell", "window_overlap", "fix_quality", "category_relevance", "habitual_place", "score"],
            factors.RootElement.EnumerateObject().Select(p => p.Name));
        var point = evidence.RootElement[0];
        Assert.Equal(
            ["time", "latitude", "longitude", "accuracy_m", "accuracy_estimated", "speed_kmh", "heading_deg", "distance_m", "margin_m", "interpolated"],
            point.EnumerateObject().Select(p => p.Name));
        var gap = Assert.Single(gaps.RootElement.EnumerateArray());
        Assert.Equal(["from", "to", "site_reachable"], gap.EnumerateObject().Select(p => p.Name));
        foreach (string instant in evidence.RootElement.EnumerateArray().Select(p => p.GetProperty("time").GetString()!).Append(gap.GetProperty("from").GetString()!))
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$", instant);
        }

        Assert.Equal(Start.Plus(Duration.FromMilliseconds((35 * 60_000) + 123)), OffsetDateTimePattern.ExtendedIso.Parse(gap.GetProperty("from").GetString()!).Value.ToInstant());
        Assert.All(Decimals(detail.FactorsJson), d => Assert.InRange(d, 0, 3));
        Assert.All(Decimals(point.GetProperty("latitude").GetRawText()), d => Assert.InRange(d, 1, 7));
        foreach (string metres in new[] { "distance_m", "margin_m", "accuracy_m" })
        {
            Assert.All(evidence.RootElement.EnumerateArray().SelectMany(p => Decimals(p.GetProperty(metres).GetRawText())), d => Assert.InRange(d, 0, 2));
        }
    }

    [Fact]
    public async Task GetMatch_RowStoredByAnEarlierVersion_ReadsTheSameAndARerunOnTheSameDataLeavesItUnchanged()
    {
        var (db, match) = await MatchWithGapAsync(kind);
        await using var __ = db;
        long id = (await db.Matches.ListMatchesAsync()).Single().Id;
        var current = await db.Matches.GetMatchAsync(id);

        // The row as earlier versions stored it: PascalCase, Unix milliseconds, full precision, hashed over that text.
        string factors = JsonSerializer.Serialize(match.Factors);
        string evidence = JsonSerializer.Serialize(match.Evidence.Select(p => new
        {
            p.TimeUnixMs, p.Latitude, p.Longitude, p.AccuracyMetres, p.SpeedKmh, p.HeadingDegrees, p.DistanceMetres, p.MarginMetres, p.Interpolated,
        }));
        string gaps = JsonSerializer.Serialize(match.Gaps);
        Assert.Contains("\"FromUnixMs\":", gaps, StringComparison.Ordinal);
        string legacyHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(
            '\u001f', match.Crime.Version, match.OffenderReference, match.Score.ToString("R", CultureInfo.InvariantCulture), match.Significant, match.HabitualPlace, factors, evidence, gaps))));
        await using (var context = db.Database.CreateContext())
        {
            var row = await context.Matches.SingleAsync(m => m.Id == id);
            Assert.Equal(legacyHash, row.ContentHash); // the hash means what it always meant
            (row.FactorsJson, row.EvidenceJson, row.GapsJson) = (factors, evidence, gaps);
            await context.SaveChangesAsync();
        }

        var old = await db.Matches.GetMatchAsync(id);
        var rerun = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");

        Assert.Equal((current!.FactorsJson, current.EvidenceJson, current.GapsJson), (old!.FactorsJson, old.EvidenceJson, old.GapsJson));
        Assert.Equal((0, 0, 1, 0), (rerun.Saved.Created, rerun.Saved.Updated, rerun.Saved.Unchanged, rerun.Saved.Withdrawn));
        Assert.Equal("new", (await db.Matches.ListMatchesAsync()).Single().State);
    }

    [Fact]
    public void ReadEvidence_WhatWasWritten_GivesThePointsBackToTheirRounding()
    {
        var point = new EvidencePoint(1_551_443_400_123, 51.461312345678, -0.115612345678, 20, 4.56789, 271.23456, 12.3456789, -107.6543219, false, true);

        var read = Assert.Single(MatchEvidenceJson.ReadEvidence(MatchEvidenceJson.Evidence([point])));

        Assert.Equal(point with { Latitude = 51.4613123, Longitude = -0.1156123, SpeedKmh = 4.57, HeadingDegrees = 271.23, DistanceMetres = 12.35, MarginMetres = -107.65 }, read);
    }

    private static IEnumerable<int> Decimals(string json) =>
        NumberPattern().Matches(json).Select(m => m.Groups[1].Success ? m.Groups[1].Length : 0);

    [GeneratedRegex(@"(?<![""\w])-?\d+(?:\.(\d+))?(?:[eE][-+]?\d+)?")]
    private static partial Regex NumberPattern();

    /// <summary>A person standing 20 m from a crime (minutes 30–45) until minute 35, then silent: a match with a gap.</summary>
    private static async Task<(TemporaryDatabase Db, ScoredMatch Match)> MatchWithGapAsync(StoreKind kind)
    {
        var db = await TemporaryDatabase.CreateAsync(kind);
        var enrolled = await db.Offenders.EnrolAsync(EligibleEnrolment.Of(new LocalDate(2019, 3, 1), new LocalDate(2019, 12, 31)));
        await db.Tags.RegisterAsync([new Tag(Tag, "test", null)]);
        await db.Tags.AssignAsync(Tag, enrolled.Offender!.Id, Start);
        var fixes = Enumerable.Range(0, 36).Select(i => Fix.Create(Start.Plus(Duration.FromSeconds(60 * i + 0.123)), Start, Spot, 6.3, 3.3, 123.4)).ToList();
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = fixes });
        string from = InstantPattern.General.Format(Start.Plus(Duration.FromMinutes(30)));
        string to = InstantPattern.General.Format(Start.Plus(Duration.FromMinutes(45)));
        string csv = string.Create(CultureInfo.InvariantCulture, $"crime_ref,category,lat,lon,committed_from,committed_to\nCRI1,robbery,{Spot.Latitude + 0.00018},{Spot.Longitude},{from},{to}\n");
        await db.CrimeImporter.ImportAsync(TagwatchCrimeCsvReader.Read(new StringReader(csv), PoliceForce.Metropolitan));
        var outcome = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");
        return (db, Assert.Single(outcome.Matches));
    }
}

public sealed class MatchEvidenceJsonTestsSqlite() : MatchEvidenceJsonTests(StoreKind.Sqlite);

public sealed class MatchEvidenceJsonTestsPostgres() : MatchEvidenceJsonTests(StoreKind.Postgres);
