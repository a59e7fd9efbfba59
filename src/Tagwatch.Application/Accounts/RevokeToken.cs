using System.Globalization;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>Which token to revoke.</summary>
public sealed record RevokeTokenRequest(long Id);

/// <summary>The token revoked.</summary>
public sealed record RevokedToken(long Id);

/// <summary>
/// A user revokes one of their tokens; an administrator any token. Someone else's token answers NotFound, so a
/// user cannot learn which ids exist. The revocation is audited.
/// </summary>
public sealed class RevokeToken(IApiTokens tokens, IAuditLog audit)
{
    public async Task<UseCaseResult<RevokedToken>> ExecuteAsync(Actor actor, RevokeTokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        string? owner = AccessPolicy.Allows(actor.Role, Permission.ManageUsers) ? null : actor.Username;
        if (!await tokens.RevokeTokenAsync(request.Id, owner, cancellationToken))
        {
            return UseCaseFailure.NotFound(owner is null ? $"There is no token {request.Id}." : $"There is no token {request.Id} of yours.");
        }

        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeUsers, "token",
            request.Id.ToString(CultureInfo.InvariantCulture), "token revoked"), cancellationToken);
        return new RevokedToken(request.Id);
    }
}
