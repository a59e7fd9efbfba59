using NodaTime;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;
using Tagwatch.Correlation.Scored;
using Tagwatch.Correlation.Strict;
using Tagwatch.Protocols;
using Tagwatch.Protocols.Crimes;
using Tagwatch.Tests;

namespace Tagwatch.Storage.Tests.Correlation;

public abstract class ScoredCorrelationTests(StoreKind kind)
{
    internal static readonly Instant Start = Instant.FromUtc(2019, 3, 1, 12, 0);
    internal static readonly GeoPoint Spot = new(51.4613, -0.1156); // Brixton
    internal static readonly TagId Tag = TagId.Parse("359881030000001");

    private static async Task<(TemporaryDatabase Db, OffenderReference Reference)> PilotAsync(StoreKind kind, RiskTier tier = RiskTier.High)
    {
        var db = await TemporaryDatabase.CreateAsync(kind);
        var enrolled = await db.Offenders.EnrolAsync(EligibleEnrolment.Of(new LocalDate(2019, 3, 1), new LocalDate(2019, 12, 31), "Sam", riskTier: tier));
        await db.Tags.RegisterAsync([new Tag(Tag, "test", null)]);
        await db.Tags.AssignAsync(Tag, enrolled.Offender!.Id, Start);
        return (db, enrolled.Offender.Reference);
    }

    private static List<Fix> StandingAt(GeoPoint place, int fromMinute, int minutes, int everyMinutes = 1) =>
        Enumerable.Range(0, minutes / everyMinutes).Select(i => Fix.Create(Start.Plus(Duration.FromMinutes(fromMinute + i * everyMinutes)), Start, place, 6)).ToList();

    internal static Task ImportCrimeAsync(TemporaryDatabase db, double lat, double lon, int fromMinute = 30, int toMinute = 45)
    {
        string from = NodaTime.Text.InstantPattern.General.Format(Start.Plus(Duration.FromMinutes(fromMinute)));
        string to = NodaTime.Text.InstantPattern.General.Format(Start.Plus(Duration.FromMinutes(toMinute)));
        string csv = $"crime_ref,category,lat,lon,committed_from,committed_to\nCRI1,robbery,{lat.ToString(System.Globalization.CultureInfo.InvariantCulture)},{lon.ToString(System.Globalization.CultureInfo.InvariantCulture)},{from},{to}\n";
        return db.CrimeImporter.ImportAsync(TagwatchCrimeCsvReader.Read(new StringReader(csv), PoliceForce.Metropolitan));
    }

    /// <summary>A person standing at the spot for two hours, from the start, and a crime there in minutes 30–45.</summary>
    internal static async Task<(TemporaryDatabase Db, OffenderReference Reference)> PersonAtTheCrimeAsync(StoreKind kind, RiskTier tier = RiskTier.High)
    {
        var (db, reference) = await PilotAsync(kind, tier);
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = StandingAt(Spot, 0, 120) });
        await ImportCrimeAsync(db, Spot.Latitude, Spot.Longitude);
        return (db, reference);
    }

    /// <summary>A person standing at the crime for two hours whose fixes after minute 32 have not arrived yet, the
    /// crime (minutes 30–45), and a run on what has arrived; returns every fix the tag will send.</summary>
    internal static async Task<(TemporaryDatabase Db, List<Fix> All, Application.Correlation.ScoredCorrelation.Outcome First)> FirstFixesOnlyAsync(StoreKind kind)
    {
        var (db, _) = await PilotAsync(kind);
        var all = StandingAt(Spot, 0, 120);
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = all.Where(f => f.Time < Start.Plus(Duration.FromMinutes(32))).ToList() });
        await ImportCrimeAsync(db, Spot.Latitude, Spot.Longitude);
        var first = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");
        return (db, all, first);
    }

    [Fact]
    public async Task Run_PersonAtTheCrime_StoresASignificantMatchWithEvidenceAndTheRun()
    {
        var (db, reference) = await PersonAtTheCrimeAsync(kind);
        await using var _ = db;

        var outcome = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: false, "manual", "tester");

        var match = Assert.Single(outcome.Matches);
        Assert.True(match.Significant);
        Assert.Equal(reference.Value, match.OffenderReference);
        Assert.NotEmpty(match.Evidence);
        Assert.Equal((1, 0, 0, 0), (outcome.Saved.Created, outcome.Saved.Updated, outcome.Saved.Unchanged, outcome.Saved.Withdrawn));
        var stored = Assert.Single(await db.Matches.ListMatchesAsync());
        Assert.Equal("new", stored.State);
        Assert.Equal(outcome.Run.Id, stored.RunId);
        Assert.Equal(1, outcome.Run.Crimes);
        Assert.NotNull(outcome.Run.Finished);
        Assert.Contains("\"BufferMetres\":100", outcome.Run.ParametersJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Twice_SecondRunChangesNothing()
    {
        var (db, _) = await PersonAtTheCrimeAsync(kind);
        await using var __ = db;

        var first = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");
        var second = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");

        Assert.Equal((0, 0, 1, 0), (second.Saved.Created, second.Saved.Updated, second.Saved.Unchanged, second.Saved.Withdrawn));
        Assert.Equal(first.Matches.Single() with { Evidence = [], Gaps = [] }, second.Matches.Single() with { Evidence = [], Gaps = [] });
        Assert.Equal(0, (await db.Matches.ListMatchesAsync()).Single().HistoryCount);
    }

    [Fact]
    public async Task Run_AfterANewCrimeVersionAndThenAMove_UpdatesThenWithdrawsKeepingHistory()
    {
        var (db, _) = await PersonAtTheCrimeAsync(kind);
        await using var __ = db;
        await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");

        await ImportCrimeAsync(db, Spot.Latitude + 0.0003, Spot.Longitude); // version 2, 33 m north
        var updated = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");
        await ImportCrimeAsync(db, Spot.Latitude + 0.02, Spot.Longitude); // version 3, 2 km north
        var withdrawn = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");

        Assert.Equal(1, updated.Saved.Updated);
        Assert.Equal(2, updated.Matches.Single().Crime.Version);
        Assert.Equal(1, withdrawn.Saved.Withdrawn);
        var stored = (await db.Matches.ListMatchesAsync()).Single();
        Assert.Equal("withdrawn", stored.State);
        Assert.Equal(2, stored.HistoryCount);
    }

    [Fact]
    public async Task Run_LateFixesFillingTheWindow_UpdateTheMatch()
    {
        var (db, all, before) = await FirstFixesOnlyAsync(kind);
        await using var __ = db;

        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = all });
        var after = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");

        Assert.True(before.Matches.Single().GapSeconds > 0);
        Assert.Equal(0, after.Matches.Single().GapSeconds);
        Assert.Equal(1, after.Saved.Updated);
        Assert.True(after.Matches.Single().DwellSeconds > before.Matches.Single().DwellSeconds);
    }

    [Fact]
    public async Task RunForFixes_RechecksTheCrimesTheyTouch_AndRecordsNoRunWhenTheyTouchNone()
    {
        var (db, all, _) = await FirstFixesOnlyAsync(kind);
        await using var __ = db;
        long runsBefore = await db.Matches.CountRunsAsync();

        // A day later: no crime's window (± pad and interpolation gap) is touched, so nothing is checked or recorded.
        var nextDay = Start.Plus(Duration.FromDays(1));
        var quiet = await db.ScoredCorrelation.RunForFixesAsync(new ScoringParameters(), nextDay, nextDay.Plus(Duration.FromMinutes(5)), "new fixes");
        Assert.Null(quiet);
        Assert.Equal(runsBefore, await db.Matches.CountRunsAsync());

        // The late fixes of the crime's window: the crime is checked again and its match updated, as an automatic run.
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = all });
        var late = await db.ScoredCorrelation.RunForFixesAsync(new ScoringParameters(), all[32].Time, all[^1].Time, "new fixes");
        Assert.NotNull(late);
        Assert.Equal("automatic", late.Run.Trigger);
        Assert.Equal(1, late.Run.Crimes);
        Assert.Equal(1, late.Saved.Updated);
        Assert.Equal(0, late.Matches.Single().GapSeconds);
        Assert.Equal(runsBefore + 1, await db.Matches.CountRunsAsync());
    }

    [Fact]
    public async Task CrimeCheckedAloneOnImport_AndAgainInAFullRun_GetsTheSameMatch_HabitualPlaceIncluded()
    {
        // The person is at the spot from 12:00 to 12:45 every day; the crime is there on the eleventh day. Checked
        // alone, the run reads only the crime's window and the four weeks before it; the full run reads everything.
        var (db, _) = await PilotAsync(kind);
        await using var __ = db;
        var visits = Enumerable.Range(0, 12).SelectMany(day => StandingAt(Spot, (day * 1440) + 0, 45)).ToList();
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = visits });
        await ImportCrimeAsync(db, Spot.Latitude, Spot.Longitude, fromMinute: (10 * 1440) + 30, toMinute: (10 * 1440) + 40);

        var alone = await db.ScoredCorrelation.RunForCrimesAsync(new ScoringParameters(), [("METROPOLITAN", "CRI1")], "import by tester");
        var full = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: false, "manual", "tester");

        var match = Assert.Single(alone.Matches);
        Assert.Equal("regular place", match.HabitualPlace);
        Assert.Equal(match.Score, Assert.Single(full.Matches).Score);
        Assert.Equal((0, 0, 1, 0), (full.Saved.Created, full.Saved.Updated, full.Saved.Unchanged, full.Saved.Withdrawn));
    }

    [Fact]
    public async Task LateFixesOfTheDaysBefore_UpdateTheHabitualPlaceOfALaterCrimesMatch()
    {
        // The crime of the eleventh day is matched while only that day's fixes are in; the ten days before, when the
        // person was at the same spot every noon, arrive late and make it a regular place.
        var (db, _) = await PilotAsync(kind);
        await using var __ = db;
        var visits = Enumerable.Range(0, 11).SelectMany(day => StandingAt(Spot, day * 1440, 45)).ToList();
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = visits.Where(f => f.Time >= Start.Plus(Duration.FromDays(10))).ToList() });
        await ImportCrimeAsync(db, Spot.Latitude, Spot.Longitude, fromMinute: (10 * 1440) + 30, toMinute: (10 * 1440) + 40);
        var before = await db.ScoredCorrelation.RunForCrimesAsync(new ScoringParameters(), [("METROPOLITAN", "CRI1")], "import by tester");

        var late = visits.Where(f => f.Time < Start.Plus(Duration.FromDays(10))).ToList();
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = late });
        var after = await db.ScoredCorrelation.RunForFixesAsync(new ScoringParameters(), late[0].Time, late[^1].Time, "new fixes");

        Assert.Null(Assert.Single(before.Matches).HabitualPlace);
        Assert.NotNull(after);
        Assert.Equal("regular place", Assert.Single(after.Matches).HabitualPlace);
        Assert.Equal(1, after.Saved.Updated);
    }

    [Fact]
    public async Task LastDaysCrimesCheckedAlone_GetTheMatchesAWholeRunGives()
    {
        // Checked alone, the last three days' crimes are matched in two passes (their windows, then history for the tags
        // that touched them); the whole run reads everything in one. Every match must come out the same.
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        await db.SimulationLoader.LoadAsync(Tagwatch.Simulation.PilotSimulation.Create(new Tagwatch.Simulation.SimulationOptions { Tags = 10, Days = 14, Seed = 5, CrimesPerDay = 60 }));
        var crimes = await db.Crimes.CurrentAsync(Instant.MinValue, Instant.MaxValue);
        var lastDays = crimes.Where(c => c.CommittedFrom >= crimes.Max(x => x.CommittedFrom) - Duration.FromDays(3)).Select(c => (c.Force, c.Reference)).ToList();

        var alone = await db.ScoredCorrelation.RunForCrimesAsync(new ScoringParameters(), lastDays, "import by tester");
        var whole = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: false, "manual", "tester");

        Assert.Contains(alone.Matches, m => m.HabitualPlace == "regular place"); // history mattered
        Assert.Equal(alone.Matches.Count, whole.Saved.Unchanged);
        Assert.Equal(0, whole.Saved.Updated + whole.Saved.Withdrawn);
        var wholeOfThose = whole.Matches.Where(m => lastDays.Contains((m.Crime.Force, m.Crime.Reference))).ToList();
        Assert.Equal(alone.Matches.Select(m => (m.Crime.Reference, m.Tag, m.Score, m.HabitualPlace)), wholeOfThose.Select(m => (m.Crime.Reference, m.Tag, m.Score, m.HabitualPlace)));
    }

    [Fact]
    public async Task CrimeCorrectedToATimeTheTagWasSilent_WithdrawsItsMatch()
    {
        var (db, _) = await PersonAtTheCrimeAsync(kind);
        await using var __ = db;
        var first = await db.ScoredCorrelation.RunForCrimesAsync(new ScoringParameters(), [("METROPOLITAN", "CRI1")], "import by tester");
        Assert.Single(first.Matches);

        // The police correct the time to the next evening, when the tag sent nothing at all.
        await ImportCrimeAsync(db, Spot.Latitude, Spot.Longitude, fromMinute: 1800, toMinute: 1815);
        var corrected = await db.ScoredCorrelation.RunForCrimesAsync(new ScoringParameters(), [("METROPOLITAN", "CRI1")], "import by tester");

        Assert.Empty(corrected.Matches);
        Assert.Equal(1, corrected.Saved.Withdrawn);
        Assert.Equal("withdrawn", Assert.Single(await db.Matches.ListMatchesAsync()).State);
    }

    [Fact]
    public async Task Run_OverMoreTagsThanOnePassHolds_MatchesEveryTagOnceInOrder()
    {
        // Sam at the crime, and two passes' worth of other tags (plus one) near it from minute 20 to 60, worn by nobody.
        var (db, reference) = await PersonAtTheCrimeAsync(kind);
        await using var _ = db;
        var others = Enumerable.Range(1, 2 * Application.Correlation.ScoredCorrelation.TagsPerPass + 1)
            .Select(i => TagId.Parse($"35988104{i:0000000}")).ToList();
        await db.Tags.RegisterAsync(others.Select(t => new Tag(t, "test", null)).ToList());
        await db.Fixes.AppendAsync(others.ToDictionary(t => t, _ => StandingAt(Spot, 20, 40, everyMinutes: 2)));

        var inScope = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: false, "manual", "tester");
        var all = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: true, "manual", "tester");

        Assert.Equal(reference.Value, Assert.Single(inScope.Matches).OffenderReference);
        Assert.Equal(others.Append(Tag).Select(t => t.Value).Order(StringComparer.Ordinal), all.Matches.Select(m => m.Tag.Value));
        Assert.Equal(others.Count + 1, all.Run.Subjects);
        Assert.Equal(reference.Value, Assert.Single(all.Matches, m => m.Tag == Tag).OffenderReference);
    }

    [Fact]
    public async Task Run_PersonBelowTheSchemeTier_IsNotCheckedUnlessAllTags()
    {
        var (db, _) = await PersonAtTheCrimeAsync(kind, RiskTier.Low);
        await using var __ = db;

        var inScope = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: false, "manual", "tester");
        var all = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: true, "manual", "tester");

        Assert.Empty(inScope.Matches);
        var match = Assert.Single(all.Matches);
        Assert.Null(match.OffenderReference);
        Assert.Equal(1, match.Factors.CategoryRelevance);
    }

    [Fact]
    public async Task Strict_OverTheStore_CountsEveryFixInTheRadius()
    {
        var (db, _) = await PersonAtTheCrimeAsync(kind);
        await using var __ = db;

        var matches = await db.StrictCorrelation.RunAsync(new StrictParameters(100, Duration.FromMinutes(10)));

        var match = Assert.Single(matches);
        Assert.Equal(36, match.FixCount); // minutes 20 to 55 inclusive
        Assert.Equal(0, match.MinDistanceMetres);
    }

    [Fact]
    public async Task Near_FindsTheWearerAndRecordsTheSearchWithItsPurpose()
    {
        var (db, reference) = await PilotAsync(kind);
        await using var __ = db;
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = StandingAt(Spot, 0, 120) });

        var (search, hits) = await db.Near.RunAsync(new GeoPoint(Spot.Latitude + 0.0005, Spot.Longitude), 100, Start, Start.Plus(Duration.FromMinutes(30)), "robbery enquiry CRI1", "analyst");
        var (_, none) = await db.Near.RunAsync(new GeoPoint(Spot.Latitude + 0.01, Spot.Longitude), 100, Start, Start.Plus(Duration.FromMinutes(30)), "second enquiry, elsewhere", "analyst");

        var hit = Assert.Single(hits);
        Assert.Equal(reference.Value, hit.OffenderReference);
        Assert.Equal(31, hit.Proximity.Count);
        Assert.InRange(hit.Proximity.MinDistanceMetres, 55, 56);
        Assert.Empty(none);
        var recorded = await db.Searches.ListAsync();
        Assert.Equal(2, recorded.Count);
        Assert.Contains(recorded, r => r.Id == search.Id && r.Purpose == "robbery enquiry CRI1" && r.Results == 1 && r.RequestedBy == "analyst");
        Assert.Contains(recorded, r => r.Results == 0);
    }

    [Theory]
    [InlineData("", 100, 30)]
    [InlineData("because", 100, 30)]
    [InlineData("a proper reason here", 5001, 30)]
    [InlineData("a proper reason here", 100, -30)]
    [InlineData("a proper reason here", 100, 60 * 24 * 32)]
    public async Task Near_WithoutPurposeOrTooWide_IsRefusedAndNothingIsSearched(string purpose, double radius, int minutes)
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);

        await Assert.ThrowsAsync<ArgumentException>(() => db.Near.RunAsync(Spot, radius, Start, Start.Plus(Duration.FromMinutes(minutes)), purpose, "analyst"));

        Assert.Empty(await db.Searches.ListAsync());
    }
}

public sealed class ScoredCorrelationTestsSqlite() : ScoredCorrelationTests(StoreKind.Sqlite);

public sealed class ScoredCorrelationTestsPostgres() : ScoredCorrelationTests(StoreKind.Postgres);
