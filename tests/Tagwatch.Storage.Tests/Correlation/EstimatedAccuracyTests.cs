using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Ingest;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;
using Tagwatch.Correlation;
using Tagwatch.Correlation.Scored;
using Tagwatch.Protocols.Crimes;
using Tagwatch.Protocols.Devices;
using Tagwatch.Protocols.Devices.Gt06;
using Tagwatch.Protocols.Devices.H02;
using Tagwatch.Tests;

namespace Tagwatch.Storage.Tests.Correlation;

/// <summary>Tags that report no accuracy (GT06, H02) are evidence with an estimated one.</summary>
public abstract class EstimatedAccuracyTests(StoreKind kind)
{
    // Real messages from the Traccar project's decoder tests, as copied into tests/TestData/protocol-samples:
    // traccar/traccar src/test/java/org/traccar/protocol/{Gt06,H02}ProtocolDecoderTest.java, commit 9e5c458, Apache-2.0.
    // Gt06: the login of line 414 (IMEI 863586038760942) and the GPS location of line 499 (2011-03-26 11:27:49, 23.111678 N
    // 114.409208 E, 12 satellites, valid, no accuracy). H02: the V1 report of line 180 (2015-03-07 03:01:49,
    // 23.48349 S 46.85975 W, valid, neither accuracy nor satellites).
    private const string Gt06Login = "787811010863586038760942a0010000010aa4000d0a";
    private const string Gt06Location = "787819100B031A0B1B31CC027AC7FD0C4657BF0115210001001CC6070D0A";
    private const string H02Location = "*HQ,1451316409,V1,030149,A,-23-29.0095,S,-46-51.5852,W,2.4,065,070315,FFFFFFFF#";

    private static readonly Instant Start = Instant.FromUtc(2019, 3, 1, 12, 0);
    private static readonly GeoPoint Spot = new(51.4613, -0.1156); // Brixton

    [Fact]
    public async Task RealGt06Fix_WearerAtTheCrimePlace_IsASignificantMatchWithEstimatedAccuracy()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var decoder = new Gt06Decoder();
        var received = Instant.FromUtc(2011, 3, 26, 11, 28);
        Assert.NotNull(decoder.Decode(Convert.FromHexString(Gt06Login), received).Message);
        var message = decoder.Decode(Convert.FromHexString(Gt06Location), received).Message!;
        Assert.Null(message.Positions[0].AccuracyMetres); // the device reports none

        var match = await IngestAndMatchAsync(db, new Tag(TagId.Parse("863586038760942"), "gt06", "GT06N"), message, received, Convert.FromHexString(Gt06Location));

        Assert.True(match.Significant, $"score {match.Score:0.000}");
        var point = Assert.Single(match.Evidence);
        Assert.True(point.AccuracyEstimated);
        Assert.Equal(20, point.AccuracyMetres); // the default for a model without its own entry; 12 satellites scale it by 1
        Assert.True(match.Factors.FixQuality < 1 - (0.6 * 15 / 95), "an estimated circle counts less than a reported one of the same size");
    }

    [Fact]
    public async Task RealH02Fix_WearerAtTheCrimePlace_IsASignificantMatchWithEstimatedAccuracy()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var received = Instant.FromUtc(2015, 3, 7, 3, 2);
        byte[] raw = Encoding.ASCII.GetBytes(H02Location);
        var message = H02Decoder.Decode(raw, received).Message!;
        Assert.Null(message.Positions[0].AccuracyMetres);

        var match = await IngestAndMatchAsync(db, new Tag(TagId.Parse("1451316409"), "h02", null), message, received, raw);

        Assert.True(match.Significant, $"score {match.Score:0.000}");
        Assert.True(Assert.Single(match.Evidence).AccuracyEstimated);
    }

    [Fact]
    public async Task Run_FixesStoredWithoutAccuracy_AreEvidenceWithTheModelsEstimateAndTheStoredMatchSaysSo()
    {
        var quality = new FixQualityRules { Accuracy = new AccuracyEstimator { Models = new Dictionary<string, double> { ["AnkleTag X1"] = 12 } } };
        await using var db = await TemporaryDatabase.CreateAsync(kind, quality);
        var tag = TagId.Parse("359881030000001");
        await EnrolWearingAsync(db, new Tag(tag, "gt06", "ankletag x1"));

        // Stored as data from before estimates were made: no accuracy, flagged AccuracyAssumed.
        var fixes = Enumerable.Range(0, 60).Select(i => Fix.Create(Start.Plus(Duration.FromMinutes(i)), Start, Spot, flags: FixFlags.AccuracyAssumed)).ToList();
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [tag] = fixes });
        await ImportCrimeAsync(db, Spot);

        var outcome = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");

        var match = Assert.Single(outcome.Matches);
        Assert.True(match.Significant);
        Assert.All(match.Evidence, p => Assert.True(p.AccuracyEstimated));
        Assert.All(match.Evidence, p => Assert.Equal(12, p.AccuracyMetres)); // the model's configured default, found whatever its case
        var detail = await db.Matches.GetMatchAsync((await db.Matches.ListMatchesAsync()).Single().Id);
        Assert.Contains("\"accuracy_estimated\":true", detail!.EvidenceJson, StringComparison.Ordinal);
        Assert.Contains("\"EstimatedAccuracyQualityFactor\":0.75", outcome.Run.ParametersJson, StringComparison.Ordinal);
        Assert.Contains("\"AnkleTag X1\":12", outcome.Run.ParametersJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FixTheDeviceMarkedInvalid_GetsNoEstimateAndIsNoEvidence()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var tag = TagId.Parse("359881030000001");
        await EnrolWearingAsync(db, new Tag(tag, "gt06", null));
        var fixes = Enumerable.Range(0, 60).Select(i => Fix.Create(Start.Plus(Duration.FromMinutes(i)), Start, Spot, flags: FixFlags.Invalid | FixFlags.AccuracyAssumed)).ToList();
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [tag] = fixes });
        await ImportCrimeAsync(db, Spot);

        var outcome = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");

        Assert.Empty(outcome.Matches);
    }

    /// <summary>Ingests one real message through the live pipeline, reads the stored trail as scored mode does, and
    /// checks a crime at the fix's own place and time (crimes are imported only inside Great Britain, so the engine
    /// is asked directly for these samples from elsewhere).</summary>
    private static async Task<ScoredMatch> IngestAndMatchAsync(TemporaryDatabase db, Tag tag, DeviceMessage message, Instant received, byte[] raw)
    {
        await db.Tags.RegisterAsync([tag]);
        await using (var pipeline = new IngestPipeline(db.Ingest, db.Tags, db.Quality, new IngestOptions(), db.Clock, NullLogger<IngestPipeline>.Instance, []))
        {
            Assert.True((await pipeline.SubmitAsync(new IngestMessage(message, received, raw))).IsStored);
        }

        var position = message.Positions[0];
        var stored = Assert.Single(await db.Fixes.ReadAsync(tag.Id, position.Time - Duration.FromHours(1), position.Time + Duration.FromHours(1)));
        Assert.Equal(FixFlags.AccuracyEstimated, stored.Flags); // the stored fix carries its estimate
        var trail = Assert.Single(await db.Trails.LoadAsync(position.Time - Duration.FromHours(1), position.Time + Duration.FromHours(1)));
        long at = position.Time.ToUnixTimeMilliseconds();
        var crime = new CrimeSite("CRI1", stored.Latitude, stored.Longitude, at - 300_000, at + 300_000, Category: CrimeCategory.Robbery);
        return ScoredMatcher.Evaluate(crime, trail, null, HabitualPlaces.None, new ScoringParameters())
            ?? throw new Xunit.Sdk.XunitException("no match at all");
    }

    private static async Task EnrolWearingAsync(TemporaryDatabase db, Tag tag)
    {
        var enrolled = await db.Offenders.EnrolAsync(EligibleEnrolment.Of(new LocalDate(2019, 3, 1), new LocalDate(2019, 12, 31)));
        await db.Tags.RegisterAsync([tag]);
        await db.Tags.AssignAsync(tag.Id, enrolled.Offender!.Id, Start);
    }

    private static Task ImportCrimeAsync(TemporaryDatabase db, GeoPoint place)
    {
        string from = NodaTime.Text.InstantPattern.General.Format(Start.Plus(Duration.FromMinutes(30)));
        string to = NodaTime.Text.InstantPattern.General.Format(Start.Plus(Duration.FromMinutes(45)));
        string csv = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"crime_ref,category,lat,lon,committed_from,committed_to\nCRI1,robbery,{place.Latitude},{place.Longitude},{from},{to}\n");
        return db.CrimeImporter.ImportAsync(TagwatchCrimeCsvReader.Read(new StringReader(csv), PoliceForce.Metropolitan));
    }
}

public sealed class EstimatedAccuracyTestsSqlite() : EstimatedAccuracyTests(StoreKind.Sqlite);

public sealed class EstimatedAccuracyTestsPostgres() : EstimatedAccuracyTests(StoreKind.Postgres);
