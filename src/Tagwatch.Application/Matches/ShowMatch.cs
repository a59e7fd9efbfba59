using System.Globalization;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Matches;

/// <summary>One match the actor may see, with its evidence, history, review steps and the amendments visible to them; audited.</summary>
public sealed class ShowMatch(ICorrelationStore store, MatchVisibility visibility, IAuditLog audit)
{
    public async Task<UseCaseResult<MatchView>> ExecuteAsync(Actor actor, MatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await visibility.FindAsync(actor, request.Id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var detail = found.Value;
        var m = detail.Match;
        var reviews = await store.ReviewsAsync(request.Id, cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ViewMatch, "match", request.Id.ToString(CultureInfo.InvariantCulture),
            $"match with evidence; crime {m.Force}/{m.CrimeReference}; subject {m.OffenderReference ?? m.Tag}"), cancellationToken);
        return new MatchView(detail, reviews, MatchVisibility.VisibleAmendments(actor, detail), MatchVisibility.IsReviewer(actor));
    }
}
