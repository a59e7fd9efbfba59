using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Correlation;

/// <summary>The recorded correlation runs, newest first: why each ran, how, over what, and what it found.</summary>
/// <remarks>Runs hold counts and parameters, not people's data, so a listing is not audited.</remarks>
public sealed class ListCorrelationRuns(ICorrelationStore store)
{
    /// <summary>How many runs a listing holds when none is asked for.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The most runs one listing holds.</summary>
    public const int MaxLimit = 1_000;

    public async Task<UseCaseResult<IReadOnlyList<CorrelationRun>>> ExecuteAsync(Actor actor, ListCorrelationRunsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.RunCorrelation))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.RunCorrelation)}.");
        }

        if (request.Limit is < 1 or > MaxLimit)
        {
            return UseCaseFailure.Invalid("limit", $"{request.Limit} is not from 1 to {MaxLimit}");
        }

        return UseCaseResult<IReadOnlyList<CorrelationRun>>.Ok(await store.ListRunsAsync(request.Limit, cancellationToken));
    }
}
