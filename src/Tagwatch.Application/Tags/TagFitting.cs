using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Fixes;
using Tagwatch.Core;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;

namespace Tagwatch.Application.Tags;

/// <summary>
/// Fitting a person with a tag, as administrators record it: an ordinary fitting adds to the record and never changes
/// whose a stored fix is; a fitting that would (a late record of a fitting, a tag handed to the wrong person) is made
/// only as an explicit correction, with its reason in the audit log and the span's crimes checked again.
/// </summary>
/// <remarks>The wearing rules themselves (<see cref="WearingRules"/>: no overlapping periods of a tag, one tag per
/// person at a time, a swap ends the old tag as the new one goes on) are kept by the store in the transaction that
/// records the fitting; this adds the rule about stored fixes, which needs the fix store.</remarks>
public sealed class TagFitting(ITagDirectory tags, IFixStore fixes, IAuditLog audit)
{
    /// <summary>Records that <paramref name="person"/> wears <paramref name="tag"/> from <paramref name="from"/>.</summary>
    /// <exception cref="NotAllowedNowException">The fitting breaks a wearing rule, or some stored fix of the tag (or of a
    /// tag it ends) is at or after <paramref name="from"/>; the message says which and what to do.</exception>
    /// <exception cref="KeyNotFoundException">The tag is not registered or the person not enrolled.</exception>
    public async Task FitAsync(TagId tag, OffenderId person, Instant from, CancellationToken cancellationToken = default)
    {
        var plan = WearingRules.Plan(tag, person, from, await tags.AssignmentsAsync(cancellationToken));
        if (plan.Refusal is { } refusal)
        {
            throw new NotAllowedNowException(refusal);
        }

        foreach (var affected in plan.Ended.Select(p => p.Tag).Append(tag).Distinct())
        {
            if (WearingRules.ChangedHandsRefusal(affected, from, await fixes.LatestFixTimeAsync(affected, cancellationToken)) is { } changesHands)
            {
                throw new NotAllowedNowException(changesHands);
            }
        }

        await tags.AssignAsync(tag, person, from, cancellationToken);
    }

    /// <summary>Records the fitting as a correction of the record: stored fixes from <paramref name="from"/> on may change
    /// hands. The correction, its reason and who made it go to the audit log; the span's crimes are queued to be checked
    /// again in the transaction that records it.</summary>
    /// <param name="subject">The person's reference, as the audit log names people.</param>
    /// <param name="by">Who corrects, as the audit log names them (user name and role).</param>
    /// <exception cref="ArgumentException">No reason is given.</exception>
    /// <exception cref="NotAllowedNowException">The fitting breaks a wearing rule (a correction does not overlap periods
    /// either).</exception>
    public async Task CorrectAsync(TagId tag, OffenderId person, string subject, Instant from, string reason, (string User, string Role) by, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A correction of who wore a tag needs its reason.", nameof(reason));
        }

        await tags.CorrectAssignmentAsync(tag, person, from, cancellationToken);
        await audit.AppendAsync(
            new AuditEvent(by.User, by.Role, AuditActions.CorrectAssignment, "offender", subject, $"tag {tag} worn from {from} (correction over stored fixes; correlation from then re-queued): {reason.Trim()}"),
            cancellationToken);
    }
}
