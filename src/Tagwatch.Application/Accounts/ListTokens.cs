using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>The tokens of <paramref name="Username"/>, or of every account when null (administrators only).</summary>
public sealed record ListTokensRequest(string? Username);

/// <summary>A user lists their own tokens; an administrator anyone's. Secrets are never listed.</summary>
public sealed class ListTokens(IApiTokens tokens)
{
    public async Task<UseCaseResult<IReadOnlyList<ApiTokenInfo>>> ExecuteAsync(Actor actor, ListTokensRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!TokenAccess.MayHandle(actor, request.Username))
        {
            return UseCaseFailure.Forbidden("Only administrators list other accounts' tokens.");
        }

        return UseCaseResult<IReadOnlyList<ApiTokenInfo>>.Ok(await tokens.ListTokensAsync(request.Username, cancellationToken));
    }
}
