using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.UseCases;
using Tagwatch.Core;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Tags;

/// <summary>One tag exchanged for another on the same person.</summary>
/// <param name="Tag">The tag coming off, as typed.</param>
/// <param name="NewTag">The tag going on, as typed: registered and worn by nobody.</param>
/// <param name="At">When the one came off and the other went on; now when null.</param>
public sealed record SwapTagRequest(string? Tag, string? NewTag, Instant? At = null);

/// <summary>A swap recorded: <paramref name="Offender"/> wears <paramref name="Fitted"/> instead of <paramref name="Returned"/> from <paramref name="At"/>.</summary>
public sealed record TagSwapped(TagId Returned, TagId Fitted, OffenderReference Offender, Instant At);

/// <summary>
/// An administrator swaps a person's tag (a faulty or flat device) in one step: the old tag's wearing period ends as the
/// new one's begins, at the same instant, so no fix falls between two records (<see cref="TagFitting.FitAsync"/>, whose
/// rules apply: refused as a conflict when a stored fix would change hands). The new tag must be free: taking it from
/// someone else is a return first. Audited on the person.
/// </summary>
public sealed class SwapTag(ITagDirectory tags, IOffenderStore offenders, TagFitting fitting, IAuditLog audit, TimeProvider clock)
{
    public async Task<UseCaseResult<TagSwapped>> ExecuteAsync(Actor actor, SwapTagRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (TagsAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        if (TagsAccess.Tag(request.Tag, "id", out var old) is { } badOld)
        {
            return badOld;
        }

        if (TagsAccess.Tag(request.NewTag, "new_tag", out var replacement) is { } badNew)
        {
            return badNew;
        }

        if (replacement == old)
        {
            return UseCaseFailure.Invalid("new_tag", "must be another tag than the one coming off");
        }

        var (worn, wearer, failure) = await Wearing.OpenAsync(tags, offenders, old, "swap", cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if ((await tags.FindRegisteredAsync([replacement], cancellationToken)).Count == 0)
        {
            return UseCaseFailure.Invalid("new_tag", $"tag {replacement} is not registered");
        }

        if ((await tags.AssignmentsAsync(cancellationToken)).FirstOrDefault(a => a.Tag == replacement && a.To is null) is not null)
        {
            return UseCaseFailure.Conflict($"Tag {replacement} is worn by someone else; return it before fitting it to another person.");
        }

        var at = request.At ?? Instant.FromDateTimeOffset(clock.GetUtcNow());
        try
        {
            await fitting.FitAsync(replacement, worn!.Offender, at, cancellationToken);
        }
        catch (NotAllowedNowException e)
        {
            return UseCaseFailure.Conflict(e.Message);
        }

        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeRecord, "offender", wearer!.ToString(),
            $"tag {old} swapped for tag {replacement} at {at}"), cancellationToken);
        return new TagSwapped(old, replacement, wearer.Value, at);
    }
}
