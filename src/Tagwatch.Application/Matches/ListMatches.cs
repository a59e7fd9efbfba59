using Tagwatch.Application.Audit;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Matches;

namespace Tagwatch.Application.Matches;

/// <summary>The matches the actor may see (<see cref="MatchVisibility"/>), most significant first, optionally by state or significance; audited.</summary>
public sealed class ListMatches(ICorrelationStore store, IAuditLog audit)
{
    public async Task<UseCaseResult<MatchList>> ExecuteAsync(Actor actor, ListMatchesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!MatchVisibility.MayUseMatches(actor))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role has no access to matches.");
        }

        string? state = request.State is { } s ? MatchWorkflow.Name(s) : null;
        var visible = (await store.ListMatchesAsync(cancellationToken))
            .Where(m => MatchVisibility.CanSee(actor, m))
            .Where(m => state is null || m.State == state)
            .Where(m => !request.SignificantOnly || m.Significant)
            .ToList();
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ListMatches, "match", null,
            $"{visible.Count} matches{(request.SignificantOnly ? " (significant)" : "")}{(state is null ? "" : $" ({state})")}"), cancellationToken);
        return new MatchList(visible, MatchVisibility.IsReviewer(actor));
    }
}
