using Tagwatch.Application.Correlation;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Matches;

/// <summary>
/// Police record what came of a match disclosed to them: only police, only on a match they may see (disclosed, of a
/// crime in their boroughs); any other match answers as unknown. Audited by <see cref="MatchReview"/>.
/// </summary>
public sealed class RecordOutcome(MatchVisibility visibility, MatchReview review)
{
    public async Task<UseCaseResult<MatchReviewEntry>> ExecuteAsync(Actor actor, RecordOutcomeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ReceiveMatches))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not receive matches.");
        }

        if (!Enum.IsDefined(request.Outcome))
        {
            return UseCaseFailure.Invalid("outcome", $"{request.Outcome} is not an outcome");
        }

        var found = await visibility.FindAsync(actor, request.Id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        return await MatchStepFailures.RunAsync(request.Id, () => review.RecordOutcomeAsync(request.Id, request.Outcome, request.Note, actor.Username, actor.Role.ToString(), cancellationToken));
    }
}
