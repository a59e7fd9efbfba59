using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tags;

/// <summary>A fitting recorded as a correction over fixes already stored.</summary>
/// <param name="Tag">The tag's identifier as typed.</param>
/// <param name="Offender">The person's reference as typed.</param>
/// <param name="From">The instant from which the correction applies (required).</param>
/// <param name="Reason">Why the record of who wore the tag is corrected (required; audited).</param>
public sealed record CorrectAssignmentRequest(string? Tag, string? Offender, Instant? From, string? Reason);

/// <summary>
/// An administrator corrects who wore a tag over stored fixes (a fitting recorded late, a tag recorded on the wrong
/// person) with a reason: <see cref="TagFitting.CorrectAsync"/> records it, audits it as
/// <see cref="AuditActions.CorrectAssignment"/> and queues the span's crimes to be checked again.
/// </summary>
public sealed class CorrectAssignment(IOffenderStore offenders, TagFitting fitting)
{
    public async Task<UseCaseResult<TagFitted>> ExecuteAsync(Actor actor, CorrectAssignmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (TagsAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        var (tag, offender, failure) = await FittingParties.FindAsync(offenders, request.Tag, request.Offender, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (request.From is not { } from)
        {
            return UseCaseFailure.Invalid("from", "required: the instant from which the correction applies");
        }

        if (TagsAccess.Name(request.Reason, "reason", "required: why the record of who wore the tag is corrected", StatedText.MaxReason) is { } badReason)
        {
            return badReason;
        }

        try
        {
            await fitting.CorrectAsync(tag, offender!.Id, offender.Reference.ToString(), from, request.Reason!, (actor.Username, actor.Role.ToString()), cancellationToken);
        }
        catch (NotAllowedNowException e)
        {
            return UseCaseFailure.Conflict(e.Message);
        }
        catch (KeyNotFoundException)
        {
            return UseCaseFailure.NotFound($"Tag {tag} is not registered.");
        }

        return new TagFitted(tag, offender.Reference, from, Corrected: true);
    }
}
