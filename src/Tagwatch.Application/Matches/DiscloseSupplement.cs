using Tagwatch.Application.Correlation;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Matches;

/// <summary>
/// A reviewer discloses an amendment of a disclosed match (a later engine result) to the police who hold it, as a
/// supplement with its purpose; the match and its disclosed evidence stay as they were. Audited by <see cref="MatchReview"/>.
/// </summary>
public sealed class DiscloseSupplement(MatchReview review)
{
    public async Task<UseCaseResult<SupplementDisclosed>> ExecuteAsync(Actor actor, DiscloseSupplementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!MatchVisibility.IsReviewer(actor))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not review matches.");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return UseCaseFailure.Invalid("reason", "a disclosure states its purpose");
        }

        if (request.Number < 1)
        {
            return UseCaseFailure.Invalid("amendment", "amendments are numbered from 1");
        }

        return await MatchStepFailures.RunAsync(request.Id, async () =>
        {
            var (amendment, match) = await review.DiscloseSupplementAsync(request.Id, request.Number, request.Reason, actor.Username, actor.Role.ToString(), cancellationToken);
            return new SupplementDisclosed(amendment, match);
        });
    }
}
