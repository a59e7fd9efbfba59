using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Tags;

/// <summary>A tag handed back.</summary>
/// <param name="Tag">The tag's identifier as typed.</param>
/// <param name="At">When it came off; now when null.</param>
public sealed record ReturnTagRequest(string? Tag, Instant? At = null);

/// <summary>A wearing period ended: <paramref name="Offender"/> wore <paramref name="Tag"/> from <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record TagReturned(TagId Tag, OffenderReference Offender, Instant From, Instant To);

/// <summary>
/// An administrator records that a tag came off (the person's monitoring moved to another device, or the tag went back
/// to stock): its open wearing period ends. Refused as a conflict when nobody wears it, or when stored fixes of the tag
/// at or after that instant would stop being the wearer's (a return is added to the record, never rewrites it).
/// Audited on the person.
/// </summary>
public sealed class ReturnTag(ITagDirectory tags, IOffenderStore offenders, IFixStore fixes, IAuditLog audit, TimeProvider clock)
{
    public async Task<UseCaseResult<TagReturned>> ExecuteAsync(Actor actor, ReturnTagRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (TagsAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        if (TagsAccess.Tag(request.Tag, "id", out var tag) is { } badTag)
        {
            return badTag;
        }

        var at = request.At ?? Instant.FromDateTimeOffset(clock.GetUtcNow());
        var (worn, wearer, failure) = await Wearing.OpenAsync(tags, offenders, tag, "return", cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (at <= worn!.From)
        {
            return UseCaseFailure.Conflict($"Tag {tag} is worn from {worn.From}; it cannot come off at {at}, before it went on.");
        }

        if (await fixes.LatestFixTimeAsync(tag, cancellationToken) is { } latest && latest >= at)
        {
            return UseCaseFailure.Conflict($"Tag {tag} has fixes stored from {at} on (the latest at {latest}); returning it then would take them from its wearer. Return it from a later instant.");
        }

        try
        {
            await tags.EndAssignmentAsync(tag, at, cancellationToken);
        }
        catch (NotAllowedNowException e)
        {
            return UseCaseFailure.Conflict(e.Message);
        }

        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeRecord, "offender", wearer!.ToString(),
            $"tag {tag} returned at {at}"), cancellationToken);
        return new TagReturned(tag, wearer.Value, worn.From, at);
    }
}
