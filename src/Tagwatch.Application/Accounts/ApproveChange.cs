using Tagwatch.Application.UseCases;
using Tagwatch.Core;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>Approve request <paramref name="Id"/>.</summary>
public sealed record ApproveChangeRequest(long Id);

/// <summary>The approved change in words, and the one-time password of a new account or a reset, shown this once.</summary>
public sealed record ApprovedChange(long Id, string Description, string? OneTimePassword);

/// <summary>
/// A different administrator from the one who asked approves a requested account change: the change is made and the
/// approval audited (<see cref="Audit.AuditActions.ApprovalGranted"/>). Approving one's own request is a conflict.
/// </summary>
public sealed class ApproveChange(AccountApprovals approvals)
{
    public async Task<UseCaseResult<ApprovedChange>> ExecuteAsync(Actor actor, ApproveChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (AccountAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        try
        {
            var result = await approvals.ApproveAsync(request.Id, actor.Username, actor.Role.ToString(), cancellationToken);
            return new ApprovedChange(request.Id, result.Description, result.OneTimePassword);
        }
        catch (KeyNotFoundException e)
        {
            return UseCaseFailure.NotFound(e.Message);
        }
        catch (NotAllowedNowException e)
        {
            return UseCaseFailure.Conflict(e.Message);
        }
        catch (ArgumentException e)
        {
            // The change was possible when asked for; something since (an account of that name, a person unenrolled) stops it.
            return UseCaseFailure.Conflict($"Request {request.Id} can no longer be made: {AccountAccess.Invalid(e, "request").Message}");
        }
    }
}
