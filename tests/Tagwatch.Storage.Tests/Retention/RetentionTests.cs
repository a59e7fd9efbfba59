using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Retention;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;
using Tagwatch.Correlation.Scored;
using Tagwatch.Protocols;
using Tagwatch.Protocols.Crimes;

namespace Tagwatch.Storage.Tests.Retention;

/// <summary>
/// Two people, one under legal hold, each with trails, an alert, a match on a crime, audit records and a search, all
/// made on 1 March; thirty days later a 10-day policy removes exactly the unheld person's old data and nothing recent.
/// </summary>
public sealed class RetentionTests
{
    private static readonly RetentionPolicy TenDays = new() { TrailDays = 10, RawFrameDays = 10, AlertDays = 10, MatchDays = 10, CrimeDays = 10, AuditDays = 10 };
    private static readonly Instant Start = Instant.FromUtc(2019, 3, 1, 12, 0);
    private static readonly TagId HeldTag = TagId.Parse("359881030000001");
    private static readonly TagId FreeTag = TagId.Parse("359881030000002");
    private static readonly GeoPoint HeldSpot = new(51.4613, -0.1156);
    private static readonly GeoPoint FreeSpot = new(51.3762, -0.0982);

    [Fact]
    public async Task A_purge_removes_exactly_what_is_due_spares_the_held_person_and_records_the_erasure()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var held = await EnrolAsync(db, 0, HeldTag);
        await EnrolAsync(db, 1, FreeTag);
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [HeldTag] = Days(HeldSpot, -20, 0), [FreeTag] = Days(FreeSpot, -20, 0) });
        await ImportCrimesAsync(db);
        await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");
        Assert.Equal(2, (await db.Matches.ListMatchesAsync()).Count);
        await RaiseEndedAlertAsync(db, HeldTag);
        await RaiseEndedAlertAsync(db, FreeTag);
        await db.Near.RunAsync(FreeSpot, 200, Start - Duration.FromDays(1), Start, "robbery enquiry CR-1", "sam.police");
        for (int i = 0; i < 3; i++)
        {
            await db.Audit.AppendAsync(new AuditEvent("pat", "ProbationOfficer", AuditActions.ViewTrail, "offender", held.Reference.ToString(), "trail"));
        }

        var retention = db.Retention(TenDays);
        await retention.PlaceHoldAsync(held.Reference.ToString(), "proceedings at Inner London Crown Court", "ada", "Administrator");
        db.Clock.Advance(TimeSpan.FromDays(30));
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [FreeTag] = Days(FreeSpot, 25, 30) });
        var dry = await retention.RunAsync("system", "System", dryRun: true);
        var counts = await retention.RunAsync("system", "System");

        Assert.Equal(dry, counts);
        Assert.Equal(21, counts.FixChunks);             // the free tag's 21 days, not the held tag's, not the last 5
        Assert.Equal((1L, 1L, 1L, 1L), (counts.Alerts, counts.Matches, counts.Crimes, counts.LocationSearches));
        Assert.Equal(4, counts.AuditRecords);           // the three views and the hold, all made on 1 March
        var now = Start + Duration.FromDays(30);
        Assert.Equal(21 * 3, (await db.Fixes.ReadAsync(HeldTag, Instant.MinValue, Instant.MaxValue)).Count);
        Assert.All(await db.Fixes.ReadAsync(FreeTag, Instant.MinValue, Instant.MaxValue), f => Assert.True(f.Time >= now - Duration.FromDays(10)));
        Assert.Equal(HeldTag.Value, (await db.Matches.ListMatchesAsync()).Single().Tag);
        Assert.Equal(HeldTag, (await db.Alerts.ListAsync()).Single().Tag);
        Assert.Empty(await db.Searches.ListAsync());
        var chain = await db.Audit.VerifyAsync();
        Assert.True(chain.Intact, string.Join("; ", chain.Problems));
        var erasure = (await db.Audit.SearchAsync(new AuditQuery(Action: AuditActions.Erase))).Single();
        Assert.Contains("fix chunks (tag-days) 21", erasure.Event.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_hold_is_lifted_the_held_data_goes_at_the_next_purge_and_the_lift_is_audited()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var held = await EnrolAsync(db, 0, HeldTag);
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [HeldTag] = Days(HeldSpot, -20, 0) });
        var retention = db.Retention(TenDays);
        await retention.PlaceHoldAsync(held.Reference.ToString(), "appeal pending", "ada", "Administrator");
        db.Clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, (await retention.RunAsync("system", "System")).FixChunks);
        Assert.True(await retention.LiftHoldAsync(held.Reference.ToString(), "appeal dismissed", "ada", "Administrator"));
        Assert.Equal(21, (await retention.RunAsync("system", "System")).FixChunks);

        Assert.Empty(await db.Fixes.ReadAsync(HeldTag, Instant.MinValue, Instant.MaxValue));
        // The placement, thirty days old, has itself aged out of the 10-day audit retention; the lift is on record.
        Assert.Equal(["legal hold lifted"], (await db.Audit.SearchAsync(new AuditQuery(Action: AuditActions.LegalHold))).Select(e => e.Event.Data));
        Assert.True((await db.Audit.VerifyAsync()).Intact);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => retention.PlaceHoldAsync("TW-99999", "x", "ada", "Administrator"));
        await Assert.ThrowsAsync<ArgumentException>(() => retention.PlaceHoldAsync(held.Reference.ToString(), " ", "ada", "Administrator"));
    }

    [Fact]
    public async Task Lifting_a_hold_needs_a_reason_which_the_audit_record_keeps()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var held = await EnrolAsync(db, 0, HeldTag);
        var retention = db.Retention(TenDays);
        await retention.PlaceHoldAsync(held.Reference.ToString(), "appeal pending", "ada", "Administrator");

        var noReason = await Assert.ThrowsAsync<ArgumentException>(() => retention.LiftHoldAsync(held.Reference.ToString(), "  ", "ada", "Administrator"));
        Assert.StartsWith("reason: lifting a legal hold states why", noReason.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(await db.RetentionStore.HoldsAsync()).Lifted);

        Assert.True(await retention.LiftHoldAsync(held.Reference.ToString(), " appeal dismissed, Court of Appeal ", "ada", "Administrator"));
        var lift = (await db.Audit.SearchAsync(new AuditQuery(Action: AuditActions.LegalHold)))[^1];
        Assert.Equal(("legal hold lifted", "appeal dismissed, Court of Appeal", "ada"), (lift.Event.Data, lift.Event.Purpose, lift.Event.Actor));
    }

    [Fact]
    public void A_policy_that_would_erase_the_audit_of_data_it_keeps_is_refused()
    {
        var problems = (TenDays with { AuditDays = 5, TrailDays = 0 }).Validate();

        Assert.Contains("retention:trail-days: 0 must be at least 1 day", problems);
        Assert.Contains(problems, p => p.StartsWith("retention:audit-days: 5 must be at least the longest other period", StringComparison.Ordinal));
        Assert.Empty(new RetentionPolicy().Validate());
    }

    [Fact]
    public async Task Matches_and_crimes_go_by_the_crimes_age_with_every_row_of_theirs_even_when_matched_and_reviewed_recently()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var held = await EnrolAsync(db, 0, HeldTag);
        await EnrolAsync(db, 1, FreeTag);
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [HeldTag] = Days(HeldSpot, -20, 0), [FreeTag] = Days(FreeSpot, -20, 0) });
        await ImportCrimesAsync(db);
        await ImportCrimesAsync(db, category: "wounding"); // a second version of each crime
        var retention = db.Retention(new RetentionPolicy { MatchDays = 365, CrimeDays = 365 });
        await retention.PlaceHoldAsync(held.Reference.ToString(), "proceedings at Inner London Crown Court", "ada", "Administrator");

        // Two years on, the old crimes are matched and reviewed for the first time: the matches are new, their data is not.
        db.Clock.Advance(TimeSpan.FromDays(2 * 365));
        await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");
        var matches = await db.Matches.ListMatchesAsync();
        Assert.Equal(2, matches.Count);
        var free = matches.Single(m => m.Tag == FreeTag.Value);
        var at = Instant.FromDateTimeOffset(db.Clock.GetUtcNow());
        await db.Matches.ReviewAsync(free.Id, new Application.Correlation.MatchReviewStep("rae", "MatchReviewer", Core.Matches.MatchState.Qualified, null, "close and long"), at);
        // A table added later that refers to matches goes with them too.
        await ExecuteAsync(db, $"CREATE TABLE match_notes (Id INTEGER PRIMARY KEY, MatchId INTEGER NOT NULL); INSERT INTO match_notes (MatchId) VALUES ({free.Id});");

        var dry = await retention.RunAsync("system", "System", dryRun: true);
        var counts = await retention.RunAsync("system", "System");

        Assert.Equal(dry, counts);
        Assert.Equal((1L, 2L), (counts.Matches, counts.Crimes)); // the free match and both versions of its crime; the held person's are kept
        Assert.Equal(HeldTag.Value, (await db.Matches.ListMatchesAsync()).Single().Tag);
        foreach (string child in new[] { "match_history", "match_reviews", "match_notes" })
        {
            Assert.Equal(0L, await CountAsync(db, $"SELECT COUNT(*) FROM {child} WHERE MatchId = {free.Id}"));
        }

        Assert.Equal(0L, await CountAsync(db, "SELECT COUNT(*) FROM crimes WHERE Reference = 'CRI-F'")); // both versions
        Assert.Equal(2L, await CountAsync(db, "SELECT COUNT(*) FROM crimes WHERE Reference = 'CRI-H'"));
    }

    [Fact]
    public async Task An_ended_persons_records_go_once_their_identity_period_from_monitoring_end_has_run_unless_held()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        var held = await EnrolAsync(db, 0, HeldTag);
        var ended = await EnrolAsync(db, 1, FreeTag);
        foreach (var person in new[] { held, ended })
        {
            await db.Offenders.ChangeRiskTierAsync(person.Reference, RiskTier.Medium, "engaging well");
            var zone = await db.Conditions.AddAsync(new Core.Conditions.LicenceCondition(0, person.Id, Core.Conditions.ConditionKind.Exclusion, Core.Conditions.ZoneArea.Circle(HeldSpot, 200), Core.Conditions.Schedule.Always, Duration.Zero, new Core.Conditions.DecisionRules(), "victim's street"), 0, "officer");
            await db.Conditions.SuspendAsync(zone.Id, Start, Start + Duration.FromHours(2), "court appearance", "officer");
            await db.Alerts.RaiseAsync(new Alert(0, AlertKind.ExclusionBreach, AlertSeverity.Critical, AlertState.Open, person == held ? HeldTag : FreeTag, person.Id, zone.Id, Start, null, Start, "in the zone", "{}", 0), "raised");
            await ExecuteAsync(db, $"INSERT INTO caseloads (UserId, OffenderReference) VALUES ('u-{person.Reference}', '{person.Reference}')");
        }

        var retention = db.Retention(new RetentionPolicy { IdentityDays = 30 });
        await retention.PlaceHoldAsync(held.Reference.ToString(), "appeal pending", "ada", "Administrator");
        var endedAt = ended.MonitoringEnd.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        db.Clock.Advance((endedAt + Duration.FromDays(29) - Instant.FromDateTimeOffset(db.Clock.GetUtcNow())).ToTimeSpan());
        Assert.Equal(0, (await retention.RunAsync("system", "System")).People); // 29 days after monitoring ended: not yet

        db.Clock.Advance(TimeSpan.FromDays(2));
        var counts = await retention.RunAsync("system", "System");

        Assert.Equal(1, counts.People);
        Assert.Null(await db.OffenderStore.FindAsync(ended.Reference));
        Assert.NotNull(await db.OffenderStore.FindAsync(held.Reference));
        string id = ended.Id.Value.ToString().ToUpperInvariant();
        foreach (string table in new[] { "personal_details", "risk_tier_changes", "tag_assignments", "conditions", "alerts" })
        {
            Assert.Equal(0L, await CountAsync(db, $"SELECT COUNT(*) FROM {table} WHERE upper(OffenderId) = '{id}'"));
        }

        Assert.Equal(0L, await CountAsync(db, $"SELECT COUNT(*) FROM caseloads WHERE OffenderReference = '{ended.Reference}'"));
        Assert.Equal(1L, await CountAsync(db, "SELECT COUNT(*) FROM condition_suspensions")); // the held person's
        Assert.Equal(1L, await CountAsync(db, "SELECT COUNT(*) FROM alert_history"));
        Assert.Equal(1L, await CountAsync(db, "SELECT COUNT(*) FROM personal_details"));
        Assert.Single(await db.Alerts.ListAsync());
    }

    private static async Task ExecuteAsync(TemporaryDatabase db, string sql)
    {
        await using var connection = await db.Sqlite.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(TemporaryDatabase db, string sql)
    {
        await using var connection = await db.Sqlite.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Offender> EnrolAsync(TemporaryDatabase db, int i, TagId tag)
    {
        var offender = (await db.Offenders.EnrolAsync(new EnrolmentRequest
        {
            Person = new PersonalDetails("Sam", $"Example{i}", new LocalDate(1995, 1, 1)),
            IndexOffences = [IndexOffence.Robbery],
            CustodialSentenceServed = true,
            GpsLicenceCondition = true,
            LicenceStart = new LocalDate(2019, 2, 18), // monitored on the crimes' day (28 February): only then are fixes theirs
            LicenceEnd = new LocalDate(2019, 12, 31),
            ReleaseAddress = new GeoPoint(51.45, -0.10),
            RiskTier = RiskTier.High,
        })).Offender!;
        await db.Tags.RegisterAsync([new Tag(tag, "test", null)]);
        await db.Tags.AssignAsync(tag, offender.Id, Start - Duration.FromDays(40));
        return offender;
    }

    /// <summary>Three fixes an hour apart on each UTC day from <paramref name="fromDay"/> to <paramref name="toDay"/> relative to 1 March.</summary>
    private static List<Fix> Days(GeoPoint place, int fromDay, int toDay) =>
        Enumerable.Range(fromDay, toDay - fromDay + 1)
            .SelectMany(d => Enumerable.Range(0, 3).Select(h => Fix.Create(Start + Duration.FromDays(d) - Duration.FromHours(2) + Duration.FromHours(h), Start, place, 6)))
            .ToList();

    private static Task ImportCrimesAsync(TemporaryDatabase db, string category = "robbery")
    {
        string Row(string reference, GeoPoint p) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{reference},{category},{p.Latitude},{p.Longitude},{Start - Duration.FromDays(1) - Duration.FromHours(3)},{Start - Duration.FromDays(1) - Duration.FromHours(1)}\n");
        string csv = "crime_ref,category,lat,lon,committed_from,committed_to\n" + Row("CRI-H", HeldSpot) + Row("CRI-F", FreeSpot);
        return db.CrimeImporter.ImportAsync(TagwatchCrimeCsvReader.Read(new StringReader(csv), PoliceForce.Metropolitan));
    }

    private static async Task RaiseEndedAlertAsync(TemporaryDatabase db, TagId tag) =>
        await db.Alerts.RaiseAsync(new Alert(0, AlertKind.LowBattery, AlertSeverity.Urgent, AlertState.Resolved, tag, null, null, Start - Duration.FromHours(5), Start - Duration.FromHours(4), Start - Duration.FromHours(5), "battery 15 %", "{}", 0), "raised");
}
