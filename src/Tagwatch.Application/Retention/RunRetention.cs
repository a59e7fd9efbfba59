using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Retention;

/// <summary>A purge, or with <paramref name="DryRun"/> only its counts, under <paramref name="Policy"/> (the one in force when null).</summary>
public sealed record RunRetentionRequest(bool DryRun, RetentionPolicy? Policy = null);

/// <summary>The policy applied and what it deleted (or, for a dry run, would delete).</summary>
public sealed record RetentionRunResult(RetentionPolicy Policy, RetentionCounts Counts);

/// <summary>An administrator deletes what is past retention, sparing people under legal hold; the erasure is itself audited.</summary>
public sealed class RunRetention(IRetentionStore store, IAuditLog audit, RetentionPolicy policy, TimeProvider clock)
{
    public async Task<UseCaseResult<RetentionRunResult>> ExecuteAsync(Actor actor, RunRetentionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (RetentionAccess.Refusal(actor) is { } refusal)
        {
            return refusal;
        }

        var applied = request.Policy ?? policy;
        if (applied.Validate() is { Count: > 0 } problems)
        {
            return UseCaseFailure.Invalid("policy", string.Join("; ", problems));
        }

        var counts = await new RetentionRun(store, audit, applied, clock).RunAsync(actor.Username, actor.Role.ToString(), request.DryRun, cancellationToken);
        return new RetentionRunResult(applied, counts);
    }
}
