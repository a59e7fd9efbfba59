using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Retention;

/// <summary>Asks for every legal hold; it has no options.</summary>
public sealed record ListLegalHoldsRequest;

/// <summary>An administrator lists the legal holds, standing first, then lifted.</summary>
public sealed class ListLegalHolds(IRetentionStore store)
{
    public async Task<UseCaseResult<IReadOnlyList<LegalHold>>> ExecuteAsync(Actor actor, ListLegalHoldsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (RetentionAccess.Refusal(actor) is { } failure)
        {
            return failure;
        }

        return UseCaseResult<IReadOnlyList<LegalHold>>.Ok(await store.HoldsAsync(cancellationToken));
    }
}
