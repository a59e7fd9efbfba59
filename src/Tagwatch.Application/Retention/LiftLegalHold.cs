using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Retention;

/// <summary>Whose hold to lift, and why (the proceedings ended, the appeal was dismissed).</summary>
public sealed record LiftLegalHoldRequest(string Reference, string? Reason);

/// <summary>The person whose hold was lifted.</summary>
public sealed record LiftedLegalHold(string OffenderReference);

/// <summary>
/// An administrator lifts a standing legal hold, stating why: once lifted, the next purge deletes whatever of the
/// person's is due, so the reason is kept on the audit record.
/// </summary>
public sealed class LiftLegalHold(RetentionRun retention)
{
    public async Task<UseCaseResult<LiftedLegalHold>> ExecuteAsync(Actor actor, LiftLegalHoldRequest request, CancellationToken cancellationToken)
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

        if (RetentionAccess.Reason(request.Reason, "lifting a legal hold states why (e.g. the proceedings have ended)") is { } noReason)
        {
            return noReason;
        }

        return await retention.LiftHoldAsync(reference.ToString(), request.Reason!, actor.Username, actor.Role.ToString(), cancellationToken)
            ? new LiftedLegalHold(reference.ToString())
            : UseCaseFailure.NotFound($"There is no standing legal hold on {reference}.");
    }
}
