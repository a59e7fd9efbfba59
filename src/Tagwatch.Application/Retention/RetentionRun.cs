using NodaTime;
using Tagwatch.Application.Audit;

namespace Tagwatch.Application.Retention;

/// <summary>The retention use case: purge what is due and record the erasure (itself audited); place and lift legal holds, audited.</summary>
public sealed class RetentionRun(IRetentionStore store, IAuditLog audit, RetentionPolicy policy, TimeProvider clock)
{
    /// <summary>The policy in force.</summary>
    public RetentionPolicy Policy => policy;

    /// <summary>Deletes everything past retention (or counts it, for a dry run) and records the erasure.</summary>
    public async Task<RetentionCounts> RunAsync(string actor, string actorRole, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var cutoffs = RetentionCutoffs.From(policy, now);
        var counts = await store.PurgeAsync(cutoffs, dryRun, cancellationToken);
        counts = counts with { AuditRecords = await audit.RemoveBeforeAsync(cutoffs.Audit, policy.AuditDays, actor, actorRole, dryRun, cancellationToken) };
        if (!dryRun)
        {
            await audit.AppendAsync(new AuditEvent(actor, actorRole, AuditActions.Erase, "retention", null,
                $"retention purge: {counts}; cut-offs trails {cutoffs.Trails}, raw frames {cutoffs.RawFrames}, alerts {cutoffs.Alerts}, matches {cutoffs.Matches}, crimes {cutoffs.Crimes}, identity {cutoffs.Identity}, audit {cutoffs.Audit}"), cancellationToken);
        }

        return counts;
    }

    public async Task<LegalHold> PlaceHoldAsync(string offenderReference, string reason, string actor, string actorRole, CancellationToken cancellationToken = default)
    {
        RequireReason(reason, "a legal hold states why (e.g. the proceedings it preserves data for)");

        var hold = await store.PlaceHoldAsync(offenderReference, reason.Trim(), actor, Instant.FromDateTimeOffset(clock.GetUtcNow()), cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor, actorRole, AuditActions.LegalHold, "offender", hold.OffenderReference, "legal hold placed", hold.Reason), cancellationToken);
        return hold;
    }

    /// <summary>Lifts a standing hold, stating why (the proceedings ended, the appeal was dismissed): once lifted, the
    /// next purge deletes whatever of the person's is due, so the reason is kept on the audit record.</summary>
    /// <exception cref="ArgumentException">No reason is given.</exception>
    public async Task<bool> LiftHoldAsync(string offenderReference, string reason, string actor, string actorRole, CancellationToken cancellationToken = default)
    {
        RequireReason(reason, "lifting a legal hold states why (e.g. the proceedings have ended)");
        reason = reason.Trim();
        bool lifted = await store.LiftHoldAsync(offenderReference, actor, Instant.FromDateTimeOffset(clock.GetUtcNow()), cancellationToken);
        if (lifted)
        {
            await audit.AppendAsync(new AuditEvent(actor, actorRole, AuditActions.LegalHold, "offender", offenderReference, "legal hold lifted", reason), cancellationToken);
        }

        return lifted;
    }

    private static void RequireReason(string reason, string why)
    {
        StatedText.CheckLength(reason, "reason");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException($"reason: {why}.", nameof(reason));
        }
    }
}
