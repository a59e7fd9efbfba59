using Tagwatch.Application.Correlation;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Matches;

namespace Tagwatch.Application.Matches;

/// <summary>
/// The one rule of who may see a match, which every match use case asks: reviewers see every match; police see only
/// significant matches disclosed to them (crimes in their boroughs) — a qualified match is still the reviewer's judgement,
/// not yet shared. A match the actor may not see answers exactly as an unknown id, so a refusal reveals neither its
/// existence, its state nor its borough.
/// </summary>
public sealed class MatchVisibility(ICorrelationStore store)
{
    /// <summary>Whether the actor's role has anything to do with matches at all.</summary>
    public static bool MayUseMatches(Actor actor) =>
        IsReviewer(actor) || AccessPolicy.Allows(actor.Role, Permission.ReceiveMatches);

    /// <summary>Whether the actor reviews matches (and so sees every match, amendment and count).</summary>
    public static bool IsReviewer(Actor actor) => AccessPolicy.Allows(actor.Role, Permission.ReviewMatches);

    /// <summary>Whether the actor may see this match at all.</summary>
    public static bool CanSee(Actor actor, StoredMatch match) =>
        IsReviewer(actor)
        || (AccessPolicy.Allows(actor.Role, Permission.ReceiveMatches) && match.Significant
            && match.State == MatchWorkflow.Name(MatchState.Disclosed) && AccessPolicy.CoversBorough(actor, match.BoroughCode));

    /// <summary>The amendments the actor may see: reviewers all; police those disclosed to them as supplements.</summary>
    public static IReadOnlyList<MatchAmendment> VisibleAmendments(Actor actor, StoredMatchDetail detail) =>
        IsReviewer(actor) ? detail.Amendments : detail.Amendments.Where(a => a.Supplement is not null).ToList();

    /// <summary>
    /// Match <paramref name="id"/> when the actor may see it; otherwise Forbidden for a role that has no matches at all,
    /// else NotFound — the same failure whether the match does not exist or is one the actor may not see.
    /// </summary>
    public async Task<UseCaseResult<StoredMatchDetail>> FindAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayUseMatches(actor))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role has no access to matches.");
        }

        var detail = await store.GetMatchAsync(id, cancellationToken);
        return detail is not null && CanSee(actor, detail.Match) ? detail : Unknown(id);
    }

    /// <summary>
    /// Why match <paramref name="id"/> was hidden from the actor, for the audit log only (the actor was told it does not
    /// exist); null when it truly does not exist or the actor may see it.
    /// </summary>
    public async Task<string?> HiddenReasonAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var detail = await store.GetMatchAsync(id, cancellationToken);
        return detail is null || CanSee(actor, detail.Match)
            ? null
            : $"match {id} is {detail.Match.State}{(detail.Match.Significant ? "" : ", not significant")}, of borough {detail.Match.BoroughCode ?? "unknown"}: not disclosed to this account";
    }

    /// <summary>The answer for a match that is unknown or hidden: the same text either way.</summary>
    public static UseCaseFailure Unknown(long id) => UseCaseFailure.NotFound($"There is no match {id}.");
}
