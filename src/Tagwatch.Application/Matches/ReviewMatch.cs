using Tagwatch.Application.Correlation;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Matches;

namespace Tagwatch.Application.Matches;

/// <summary>
/// A reviewer's decision on a match (qualify, dismiss, disclose): only reviewers decide; a reason always; the workflow's
/// rules (disclosure only of significant qualified matches, to the police of the crime's borough); audited by
/// <see cref="MatchReview"/>. <see cref="QualifyMatch"/>, <see cref="DismissMatch"/> and <see cref="DiscloseMatch"/> name the steps.
/// </summary>
public abstract class ReviewMatch(ICorrelationStore store, MatchReview review)
{
    /// <summary>The state the decision moves the match to.</summary>
    protected abstract MatchState To { get; }

    public async Task<UseCaseResult<MatchDecision>> ExecuteAsync(Actor actor, MatchDecisionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!MatchVisibility.IsReviewer(actor))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not review matches.");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return UseCaseFailure.Invalid("reason", To == MatchState.Disclosed ? "a disclosure states its purpose" : "a review decision needs a reason");
        }

        var detail = await store.GetMatchAsync(request.Id, cancellationToken);
        if (detail is null)
        {
            return MatchVisibility.Unknown(request.Id);
        }

        var match = detail.Match;
        if (MatchWorkflow.Refusal(MatchWorkflow.Parse(match.State), To, match.Significant) is { } refusal)
        {
            return UseCaseFailure.Conflict($"Match {request.Id} is {match.State}: {refusal}.");
        }

        if (To == MatchState.Disclosed && MatchReview.Recipient(match) is null)
        {
            return UseCaseFailure.Conflict($"Match {request.Id}: the crime's borough is not known, so there are no local police to disclose to.");
        }

        return await MatchStepFailures.RunAsync(request.Id, async () =>
        {
            var (entry, decided) = await review.DecideAsync(request.Id, To, request.Reason, actor.Username, actor.Role.ToString(), cancellationToken);
            return new MatchDecision(entry, decided);
        });
    }
}

/// <summary>A reviewer judges a new match worth passing to police.</summary>
public sealed class QualifyMatch(ICorrelationStore store, MatchReview review) : ReviewMatch(store, review)
{
    protected override MatchState To => MatchState.Qualified;
}

/// <summary>A reviewer judges a match not worth passing on.</summary>
public sealed class DismissMatch(ICorrelationStore store, MatchReview review) : ReviewMatch(store, review)
{
    protected override MatchState To => MatchState.Dismissed;
}

/// <summary>A reviewer discloses a significant qualified match to the police of the crime's borough, with its purpose.</summary>
public sealed class DiscloseMatch(ICorrelationStore store, MatchReview review) : ReviewMatch(store, review)
{
    protected override MatchState To => MatchState.Disclosed;
}
