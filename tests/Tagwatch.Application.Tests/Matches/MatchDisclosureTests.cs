using Tagwatch.Application.Matches;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Matches;
using static Tagwatch.Application.Tests.Matches.MatchesFixture;

namespace Tagwatch.Application.Tests.Matches;

public sealed class MatchDisclosureTests
{
    [Fact]
    public async Task DiscloseMatch_SignificantQualified_GoesToTheCrimeBoroughsPolice_WithItsPurposeAudited()
    {
        await using var fixture = await StartAsync();
        fixture.Store.Add(1, MatchState.Qualified, Lambeth);

        var disclosed = await fixture.Disclose.ExecuteAsync(Reviewer, new MatchDecisionRequest(1, " robbery enquiry "), CancellationToken.None);

        Assert.Equal("disclosed", disclosed.Value.Entry.ToState);
        Assert.Contains("Lambeth (E09000022)", disclosed.Value.Entry.DisclosedTo, StringComparison.Ordinal);
        var audited = Assert.Single(await fixture.AuditedAsync("disclose"));
        Assert.Equal(("rae.reviewer", "MatchReviewer", "robbery enquiry", disclosed.Value.Entry.DisclosedTo), (audited.Actor, audited.ActorRole, audited.Purpose, audited.DisclosedTo));
    }

    [Theory]
    [InlineData(MatchState.New, true)]
    [InlineData(MatchState.Dismissed, true)]
    [InlineData(MatchState.Qualified, false)]
    public async Task DiscloseMatch_NotASignificantQualifiedMatch_IsAConflict_AndNothingIsAudited(MatchState state, bool significant)
    {
        await using var fixture = await StartAsync();
        fixture.Store.Add(1, state, Lambeth, significant);

        var result = await fixture.Disclose.ExecuteAsync(Reviewer, new MatchDecisionRequest(1, "robbery enquiry"), CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, result.Failure?.Kind);
        Assert.Empty(await fixture.AuditedAsync("disclose"));
    }

    [Fact]
    public async Task DiscloseMatch_NoBorough_NoReason_OrByPolice_IsRefused()
    {
        await using var fixture = await StartAsync();
        fixture.Store.Add(1, MatchState.Qualified, null);
        fixture.Store.Add(2, MatchState.Qualified, Lambeth);

        var noBorough = await fixture.Disclose.ExecuteAsync(Reviewer, new MatchDecisionRequest(1, "robbery enquiry"), CancellationToken.None);
        var noReason = await fixture.Disclose.ExecuteAsync(Reviewer, new MatchDecisionRequest(2, "  "), CancellationToken.None);
        var byPolice = await fixture.Disclose.ExecuteAsync(PoliceOf(Lambeth), new MatchDecisionRequest(2, "robbery enquiry"), CancellationToken.None);
        var unknown = await fixture.Qualify.ExecuteAsync(Reviewer, new MatchDecisionRequest(9, "passed the site"), CancellationToken.None);

        Assert.Equal(FailureKind.Conflict, noBorough.Failure?.Kind);
        Assert.Equal((FailureKind.Invalid, "reason"), (noReason.Failure?.Kind, noReason.Failure?.Field));
        Assert.Equal(FailureKind.Forbidden, byPolice.Failure?.Kind);
        Assert.Equal(FailureKind.NotFound, unknown.Failure?.Kind);
    }

    [Fact]
    public async Task RecordOutcome_OnlyTheCrimeBoroughsPolice_OnADisclosedMatch_AndItIsAudited()
    {
        await using var fixture = await StartAsync();
        fixture.Store.Add(1, MatchState.Disclosed, Lambeth);
        fixture.Store.Add(2, MatchState.Qualified, Lambeth);

        var otherBorough = await fixture.Outcome.ExecuteAsync(PoliceOf(Southwark), new RecordOutcomeRequest(1, PoliceOutcome.Arrested, null), CancellationToken.None);
        var reviewer = await fixture.Outcome.ExecuteAsync(Reviewer, new RecordOutcomeRequest(1, PoliceOutcome.Arrested, null), CancellationToken.None);
        var notYetDisclosed = await fixture.Outcome.ExecuteAsync(PoliceOf(Lambeth), new RecordOutcomeRequest(2, PoliceOutcome.Arrested, null), CancellationToken.None);
        var recorded = await fixture.Outcome.ExecuteAsync(PoliceOf(Lambeth), new RecordOutcomeRequest(1, PoliceOutcome.Charged, "charged with robbery"), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, otherBorough.Failure?.Kind);
        Assert.Equal(FailureKind.Forbidden, reviewer.Failure?.Kind);
        Assert.Equal(FailureKind.NotFound, notYetDisclosed.Failure?.Kind);
        Assert.Equal("Charged", recorded.Value.Outcome);
        var audited = Assert.Single(await fixture.AuditedAsync("outcome.match"));
        Assert.Equal(("police.E09000022", "Police", "1", "outcome Charged: charged with robbery"), (audited.Actor, audited.ActorRole, audited.SubjectId, audited.Data));
    }

    [Fact]
    public async Task GetDisclosurePack_HiddenFromPolice_IsUnknown_NotDisclosed_IsAConflict_AndNothingIsExported()
    {
        await using var fixture = await StartAsync();
        fixture.Store.Add(1, MatchState.Disclosed, Lambeth);
        fixture.Store.Add(2, MatchState.Qualified, Lambeth);

        var otherBorough = await fixture.Pack.ExecuteAsync(PoliceOf(Southwark), new MatchRequest(1), CancellationToken.None);
        var qualified = await fixture.Pack.ExecuteAsync(Reviewer, new MatchRequest(2), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, otherBorough.Failure?.Kind);
        Assert.Equal(FailureKind.Conflict, qualified.Failure?.Kind);
        Assert.Empty(await fixture.AuditedAsync("export"));
    }
}
