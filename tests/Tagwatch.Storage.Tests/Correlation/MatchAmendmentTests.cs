using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Core;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Matches;
using Tagwatch.Correlation.Scored;
using static Tagwatch.Storage.Tests.Correlation.ScoredCorrelationTests;
using Tagwatch.Tests;

namespace Tagwatch.Storage.Tests.Correlation;

/// <summary>A disclosure is final: later engine results become amendments beside it, never a silent state change.</summary>
public abstract class MatchAmendmentTests(StoreKind kind)
{
    private static async Task DiscloseWithOutcomeAsync(TemporaryDatabase db, long id)
    {
        await db.Review.DecideAsync(id, MatchState.Qualified, "close and long", "rae", "MatchReviewer");
        await db.Review.DecideAsync(id, MatchState.Disclosed, "robbery enquiry", "rae", "MatchReviewer");
        await db.Review.RecordOutcomeAsync(id, PoliceOutcome.Arrested, "arrested on suspicion", "sam", "Police");
    }

    private static async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(TemporaryDatabase db, string action, long id) =>
        (await db.Audit.SearchAsync(new(Action: action))).Where(e => e.Event.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task LateFixes_AfterDisclosureAndOutcome_KeepTheMatchDisclosedAndRecordAnAuditedAmendment()
    {
        var (db, all, first) = await FirstFixesOnlyAsync(kind);
        await using var __ = db;
        Assert.True(first.Matches.Single().Significant);
        long id = (await db.Matches.ListMatchesAsync()).Single().Id;
        await DiscloseWithOutcomeAsync(db, id);
        var disclosed = (await db.Matches.GetMatchAsync(id))!;

        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [ScoredCorrelationTests.Tag] = all });
        var late = await db.ScoredCorrelation.RunForFixesAsync(new ScoringParameters(), all[32].Time, all[^1].Time, "new fixes");
        var again = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");

        Assert.NotNull(late);
        Assert.Equal((0, 0, 1), (late.Saved.Updated, late.Saved.Withdrawn, late.Saved.Amended));
        Assert.Equal((1, 0), (again.Saved.Unchanged, again.Saved.Amended)); // the same late result is not recorded twice
        var detail = (await db.Matches.GetMatchAsync(id))!;
        Assert.Equal(("disclosed", "Arrested"), (detail.Match.State, detail.Match.Outcome));
        Assert.Equal(disclosed.EvidenceJson, detail.EvidenceJson); // what the police hold
        Assert.Equal(disclosed.Match.GapSeconds, detail.Match.GapSeconds);
        Assert.Empty(detail.History);
        var amendment = Assert.Single(detail.Amendments);
        Assert.Equal((1, late.Run.Id, true, 0.0), (amendment.Number, amendment.RunId, amendment.Found, amendment.GapSeconds));
        Assert.Contains("late fixes", amendment.Reason, StringComparison.Ordinal);
        Assert.NotEqual(disclosed.EvidenceJson, amendment.EvidenceJson);
        Assert.Null(amendment.Supplement);
        Assert.Equal(1, detail.Match.Amendments);
        var audited = Assert.Single(await AuditOfAsync(db, AuditActions.AmendMatch, id));
        Assert.Equal("system", audited.Event.Actor);
        Assert.Contains("amendment 1", audited.Event.Data, StringComparison.Ordinal);
        Assert.Equal(["qualified", "disclosed", "disclosed"], (await db.Matches.ReviewsAsync(id)).Select(r => r.ToState));
    }

    [Fact]
    public async Task DiscloseSupplement_RecordsWhoWhenWhyAndToWhom_OnceOnly()
    {
        var (db, all, _) = await FirstFixesOnlyAsync(kind);
        await using var __ = db;
        long id = (await db.Matches.ListMatchesAsync()).Single().Id;
        await DiscloseWithOutcomeAsync(db, id);
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [ScoredCorrelationTests.Tag] = all });
        await db.ScoredCorrelation.RunForFixesAsync(new ScoringParameters(), all[32].Time, all[^1].Time, "new fixes");

        var (supplement, match) = await db.Review.DiscloseSupplementAsync(id, 1, "the tag's late fixes fill the gap", "rae", "MatchReviewer");
        var twice = await Assert.ThrowsAsync<NotAllowedNowException>(() => db.Review.DiscloseSupplementAsync(id, 1, "again", "rae", "MatchReviewer"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => db.Review.DiscloseSupplementAsync(id, 2, "no such amendment", "rae", "MatchReviewer"));

        Assert.NotNull(supplement.Supplement);
        Assert.Equal(("rae", "the tag's late fixes fill the gap"), (supplement.Supplement.Actor, supplement.Supplement.Reason));
        Assert.Contains(match.BoroughCode!, supplement.Supplement.DisclosedTo, StringComparison.Ordinal);
        Assert.Contains("already", twice.Message, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single((await db.Matches.GetMatchAsync(id))!.Amendments).Supplement);
        var disclosures = await AuditOfAsync(db, AuditActions.Disclose, id);
        Assert.Equal(2, disclosures.Count); // the disclosure, then the supplement
        Assert.Contains("supplement: amendment 1", disclosures[1].Event.Data, StringComparison.Ordinal);
        Assert.Equal("the tag's late fixes fill the gap", disclosures[1].Event.Purpose);
    }

    [Fact]
    public async Task A_disclosed_match_whose_crime_changes_or_no_longer_matches_stays_disclosed_with_amendments()
    {
        var (db, _) = await PersonAtTheCrimeAsync(kind);
        await using var __ = db;
        await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");
        long id = (await db.Matches.ListMatchesAsync()).Single().Id;
        await DiscloseWithOutcomeAsync(db, id);

        await ImportCrimeAsync(db, Spot.Latitude + 0.0003, Spot.Longitude); // version 2 moves the crime 33 m
        var moved = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");
        await ImportCrimeAsync(db, Spot.Latitude + 0.02, Spot.Longitude); // version 3, 2 km north: no match at all
        var gone = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");
        var stillGone = await db.ScoredCorrelation.RunAsync(new ScoringParameters(), false, "manual", "tester");

        Assert.Equal((1, 0), (moved.Saved.Amended, moved.Saved.Updated));
        Assert.Equal((1, 0), (gone.Saved.Amended, gone.Saved.Withdrawn));
        Assert.Equal((0, 0), (stillGone.Saved.Amended, stillGone.Saved.Withdrawn));
        var detail = (await db.Matches.GetMatchAsync(id))!;
        Assert.Equal(("disclosed", 1, "Arrested"), (detail.Match.State, detail.Match.CrimeVersion, detail.Match.Outcome));
        Assert.Equal(
            [(1, true, 2, "crime version 1 → 2"), (2, false, 2, "no longer matches")],
            detail.Amendments.Select(a => (a.Number, a.Found, a.CrimeVersion, a.Reason)));
        Assert.Null(detail.Amendments[1].EvidenceJson);
        Assert.Equal(2, (await AuditOfAsync(db, AuditActions.AmendMatch, id)).Count);
        await db.Review.RecordOutcomeAsync(id, PoliceOutcome.Charged, "charged", "sam", "Police"); // the police can still record outcomes
        Assert.Equal("Charged", (await db.Matches.GetMatchAsync(id))!.Match.Outcome);
    }

    [Fact]
    public async Task A_qualified_match_whose_evidence_changes_returns_to_review_with_history_and_an_audit_record()
    {
        var (db, all, _) = await FirstFixesOnlyAsync(kind);
        await using var __ = db;
        long id = (await db.Matches.ListMatchesAsync()).Single().Id;
        await db.Review.DecideAsync(id, MatchState.Qualified, "close and long", "rae", "MatchReviewer");

        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [ScoredCorrelationTests.Tag] = all });
        var late = await db.ScoredCorrelation.RunForFixesAsync(new ScoringParameters(), all[32].Time, all[^1].Time, "new fixes");

        Assert.Equal((1, 0), (late!.Saved.Updated, late.Saved.Amended));
        var detail = (await db.Matches.GetMatchAsync(id))!;
        Assert.Equal("new", detail.Match.State);
        Assert.Empty(detail.Amendments);
        Assert.Contains("\"State\":\"qualified\"", Assert.Single(detail.History).SnapshotJson, StringComparison.Ordinal);
        var audited = (await AuditOfAsync(db, AuditActions.Review, id))[^1];
        Assert.Equal("system", audited.Event.Actor);
        Assert.Contains("qualified → new", audited.Event.Data, StringComparison.Ordinal);
    }
}

public sealed class MatchAmendmentTestsSqlite() : MatchAmendmentTests(StoreKind.Sqlite);

public sealed class MatchAmendmentTestsPostgres() : MatchAmendmentTests(StoreKind.Postgres);
