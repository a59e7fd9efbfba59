using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Retention;

/// <summary>Which person to hold, and why (the proceedings the data is kept for).</summary>
public sealed record PlaceLegalHoldRequest(string Reference, string? Reason);

/// <summary>An administrator places a legal hold: nothing of the person's is deleted while it stands; the reason is audited.</summary>
public sealed class PlaceLegalHold(RetentionRun retention)
{
    public async Task<UseCaseResult<LegalHold>> ExecuteAsync(Actor actor, PlaceLegalHoldRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (RetentionAccess.Refusal(actor) is { } refusal)
        {
            return refusal;
        }

        if (RetentionAccess.Reference(request.Reference, out var reference) is { } badReference)
        {
            return badReference;
        }

        if (RetentionAccess.Reason(request.Reason, "a legal hold states why (e.g. the proceedings it preserves data for)") is { } noReason)
        {
            return noReason;
        }

        try
        {
            return await retention.PlaceHoldAsync(reference.ToString(), request.Reason!, actor.Username, actor.Role.ToString(), cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return UseCaseFailure.NotFound($"There is no enrolled person {reference}.");
        }
    }
}
