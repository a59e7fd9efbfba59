using System.Globalization;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Matches;

/// <summary>One match the actor may see, with its evidence, history, review steps and the amendments visible to them, the
/// crime version it was made against and the search buffer of its run (what an evidence map draws); audited.</summary>
public sealed class ShowMatch(ICorrelationStore store, ICrimeStore crimes, MatchVisibility visibility, IAuditLog audit)
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
        var crime = (await crimes.HistoryAsync(m.Force, m.CrimeReference, cancellationToken)).FirstOrDefault(c => c.Version == m.CrimeVersion);
        return new MatchView(detail, reviews, MatchVisibility.VisibleAmendments(actor, detail), MatchVisibility.IsReviewer(actor))
        {
            Crime = crime,
            BufferMetres = await MatchSearchBuffer.OfRunAsync(store, m.RunId, cancellationToken),
        };
    }
}
