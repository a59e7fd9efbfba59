using Tagwatch.Core.Matches;

namespace Tagwatch.Core.Tests.Matches;

public sealed class MatchWorkflowTests
{
    [Theory]
    [InlineData(MatchState.New, EngineFinding.Changed, MatchRevision.ReturnToReview)]
    [InlineData(MatchState.New, EngineFinding.NotFound, MatchRevision.Withdraw)]
    [InlineData(MatchState.Qualified, EngineFinding.Changed, MatchRevision.ReturnToReview)]
    [InlineData(MatchState.Qualified, EngineFinding.NotFound, MatchRevision.Withdraw)]
    [InlineData(MatchState.Dismissed, EngineFinding.Changed, MatchRevision.ReturnToReview)]
    [InlineData(MatchState.Dismissed, EngineFinding.NotFound, MatchRevision.Withdraw)]
    [InlineData(MatchState.Disclosed, EngineFinding.Changed, MatchRevision.Amend)]
    [InlineData(MatchState.Disclosed, EngineFinding.NotFound, MatchRevision.Amend)]
    [InlineData(MatchState.Withdrawn, EngineFinding.Changed, MatchRevision.ReturnToReview)]
    [InlineData(MatchState.Withdrawn, EngineFinding.NotFound, MatchRevision.None)]
    public void Revise_EngineResultChanged_FollowsTheEngineUntilDisclosed(MatchState state, EngineFinding finding, MatchRevision expected) =>
        Assert.Equal(expected, MatchWorkflow.Revise(state, finding));

    [Fact]
    public void Revise_SameResult_ChangesNothingInAnyState() =>
        Assert.All(Enum.GetValues<MatchState>(), state => Assert.Equal(MatchRevision.None, MatchWorkflow.Revise(state, EngineFinding.Unchanged)));

    [Fact]
    public void Revise_DisclosedMatch_NeverChangesState() =>
        Assert.All(Enum.GetValues<EngineFinding>(), finding => Assert.NotEqual(MatchRevision.ReturnToReview, MatchWorkflow.Revise(MatchState.Disclosed, finding)));

    [Fact]
    public void Refusal_DisclosedMatch_CannotBeQualifiedOrDismissedAgain()
    {
        Assert.NotNull(MatchWorkflow.Refusal(MatchState.Disclosed, MatchState.Qualified, significant: true));
        Assert.NotNull(MatchWorkflow.Refusal(MatchState.Disclosed, MatchState.Dismissed, significant: true));
    }

    [Fact]
    public void SupplementRefusal_OnlyOnceAndOnlyForDisclosedMatches()
    {
        Assert.Null(MatchWorkflow.SupplementRefusal(MatchState.Disclosed, alreadyDisclosed: false));
        Assert.Contains("already", MatchWorkflow.SupplementRefusal(MatchState.Disclosed, alreadyDisclosed: true), StringComparison.Ordinal);
        Assert.Contains("this one is qualified", MatchWorkflow.SupplementRefusal(MatchState.Qualified, alreadyDisclosed: false), StringComparison.Ordinal);
    }
}
