using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tags;

/// <summary>An ordinary fitting.</summary>
/// <param name="Tag">The tag's identifier as typed.</param>
/// <param name="Offender">The person's reference as typed.</param>
/// <param name="From">When they start wearing it; now when null.</param>
public sealed record AssignTagRequest(string? Tag, string? Offender, Instant? From = null);

/// <summary>
/// An administrator records that a person wears a tag (<see cref="TagFitting.FitAsync"/>): refused as a conflict when it
/// would overlap a wearing period or change whose stored fixes are (that is a <see cref="CorrectAssignment"/>). Audited.
/// </summary>
public sealed class AssignTag(IOffenderStore offenders, TagFitting fitting, IAuditLog audit, TimeProvider clock)
{
    public async Task<UseCaseResult<TagFitted>> ExecuteAsync(Actor actor, AssignTagRequest request, CancellationToken cancellationToken)
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

        var from = request.From ?? Instant.FromDateTimeOffset(clock.GetUtcNow());
        try
        {
            await fitting.FitAsync(tag, offender!.Id, from, cancellationToken);
        }
        catch (NotAllowedNowException e)
        {
            return UseCaseFailure.Conflict(e.Message);
        }
        catch (KeyNotFoundException)
        {
            return UseCaseFailure.NotFound($"Tag {tag} is not registered.");
        }

        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeRecord, "offender", offender.Reference.ToString(),
            $"tag {tag} worn from {from}"), cancellationToken);
        return new TagFitted(tag, offender.Reference, from, Corrected: false);
    }
}
