using System.Globalization;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Matches;

namespace Tagwatch.Application.Correlation;

/// <summary>
/// The review and disclosure use case shared by the API and the command line: applies a step under
/// <see cref="MatchWorkflow"/>'s rules and records it in the audit log (disclosures with their purpose and recipient).
/// </summary>
public sealed class MatchReview(ICorrelationStore store, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Qualifies, dismisses or discloses a match.</summary>
    /// <exception cref="ArgumentException">No reason was given.</exception>
    /// <exception cref="KeyNotFoundException">No such match.</exception>
    /// <exception cref="InvalidOperationException">Not allowed from the current state, or no borough to disclose to.</exception>
    public async Task<(MatchReviewEntry Entry, StoredMatch Match)> DecideAsync(long id, MatchState to, string reason, string actor, string actorRole, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException(to == MatchState.Disclosed ? "reason: a disclosure states its purpose." : "reason: a review decision needs a reason.", nameof(reason));
        }

        StatedText.CheckLength(reason, "reason");
        var match = (await store.GetMatchAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"There is no match {id}.")).Match;
        string? recipient = null;
        if (to == MatchState.Disclosed)
        {
            recipient = Recipient(match) ?? throw new Core.NotAllowedNowException($"Match {id}: the crime's borough is not known, so there are no local police to disclose to.");
        }

        var entry = await store.ReviewAsync(id, new MatchReviewStep(actor, actorRole, to, null, reason, recipient), Now(), cancellationToken);
        await audit.AppendAsync(new AuditEvent(
            actor, actorRole, to == MatchState.Disclosed ? AuditActions.Disclose : AuditActions.Review, "match", id.ToString(CultureInfo.InvariantCulture),
            $"{entry.FromState} → {entry.ToState}; crime {match.Force}/{match.CrimeReference}; subject {match.OffenderReference ?? match.Tag}", reason.Trim(), recipient), cancellationToken);
        return (entry, match);
    }

    /// <summary>
    /// Discloses amendment <paramref name="number"/> of a disclosed match to the police who hold it, as a supplement to
    /// the disclosure: the match and its disclosed evidence stay as they were; the police then see the supplement too.
    /// </summary>
    /// <exception cref="ArgumentException">No reason was given.</exception>
    /// <exception cref="KeyNotFoundException">No such match or amendment.</exception>
    /// <exception cref="Core.NotAllowedNowException">The match is not disclosed, the amendment already was, or there is no borough.</exception>
    public async Task<(MatchAmendment Amendment, StoredMatch Match)> DiscloseSupplementAsync(long id, int number, string reason, string actor, string actorRole, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("reason: a disclosure states its purpose.", nameof(reason));
        }

        StatedText.CheckLength(reason, "reason");
        var match = (await store.GetMatchAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"There is no match {id}.")).Match;
        string recipient = Recipient(match) ?? throw new Core.NotAllowedNowException($"Match {id}: the crime's borough is not known, so there are no local police to disclose to.");
        var amendment = await store.DiscloseSupplementAsync(id, number, new SupplementDisclosure(Now(), actor, actorRole, reason.Trim(), recipient), cancellationToken);
        await audit.AppendAsync(new AuditEvent(
            actor, actorRole, AuditActions.Disclose, "match", id.ToString(CultureInfo.InvariantCulture),
            $"supplement: amendment {number} ({amendment.Reason}; run {amendment.RunId}); crime {match.Force}/{match.CrimeReference}; subject {match.OffenderReference ?? match.Tag}",
            reason.Trim(), recipient), cancellationToken);
        return (amendment, match);
    }

    /// <summary>Records what came of a disclosed match.</summary>
    public async Task<MatchReviewEntry> RecordOutcomeAsync(long id, PoliceOutcome outcome, string? note, string actor, string actorRole, CancellationToken cancellationToken = default)
    {
        StatedText.CheckLength(note, "note");
        string text = string.IsNullOrWhiteSpace(note) ? outcome.ToString() : note.Trim();
        var entry = await store.ReviewAsync(id, new MatchReviewStep(actor, actorRole, null, outcome, text), Now(), cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor, actorRole, AuditActions.Outcome, "match", id.ToString(CultureInfo.InvariantCulture), $"outcome {outcome}: {text}"), cancellationToken);
        return entry;
    }

    /// <summary>Who receives a disclosure: the police of the crime's borough.</summary>
    public static string? Recipient(StoredMatch match) =>
        match.BoroughCode is { } code && BoroughMap.London.Find(code) is { } borough ? $"{match.Force} police — {borough.Name} ({borough.Code})" : null;

    private Instant Now() => Instant.FromDateTimeOffset(clock.GetUtcNow());
}
