using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>All account changes waiting for a second administrator.</summary>
public sealed record ListApprovalsRequest;

/// <summary>An administrator lists the account changes no administrator has approved or rejected yet, oldest first.</summary>
public sealed class ListApprovals(AccountApprovals approvals)
{
    public async Task<UseCaseResult<IReadOnlyList<PendingAccountChange>>> ExecuteAsync(Actor actor, ListApprovalsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (AccountAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        return UseCaseResult<IReadOnlyList<PendingAccountChange>>.Ok(await approvals.PendingAsync(cancellationToken));
    }
}
