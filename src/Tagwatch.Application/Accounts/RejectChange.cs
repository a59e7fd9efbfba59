using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>Reject request <paramref name="Id"/>, saying why.</summary>
public sealed record RejectChangeRequest(long Id, string? Reason);

/// <summary>The request rejected.</summary>
public sealed record RejectedChange(long Id);

/// <summary>
/// An administrator rejects a requested account change (its requester may withdraw it this way): nothing changes and
/// the rejection is audited with its reason (<see cref="Audit.AuditActions.ApprovalRejected"/>).
/// </summary>
public sealed class RejectChange(AccountApprovals approvals)
{
    public async Task<UseCaseResult<RejectedChange>> ExecuteAsync(Actor actor, RejectChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (AccountAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return UseCaseFailure.Invalid("reason", "required: say why the request is rejected");
        }

        try
        {
            await approvals.RejectAsync(request.Id, actor.Username, actor.Role.ToString(), request.Reason, cancellationToken);
            return new RejectedChange(request.Id);
        }
        catch (KeyNotFoundException e)
        {
            return UseCaseFailure.NotFound(e.Message);
        }
    }
}
