using System.Globalization;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Tags;

/// <summary>Which credential to revoke.</summary>
public sealed record RevokeDeviceCredentialRequest(long Id);

/// <summary>The credential revoked.</summary>
public sealed record RevokedDeviceCredential(long Id);

/// <summary>An administrator revokes an upload credential (a lost or reissued device): it stops working at once. Audited.</summary>
public sealed class RevokeDeviceCredential(IDeviceCredentialStore credentials, IAuditLog audit)
{
    public async Task<UseCaseResult<RevokedDeviceCredential>> ExecuteAsync(Actor actor, RevokeDeviceCredentialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (TagsAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        if (!await credentials.RevokeAsync(request.Id, cancellationToken))
        {
            return UseCaseFailure.NotFound($"There is no credential {request.Id}.");
        }

        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeSettings, "credential",
            request.Id.ToString(CultureInfo.InvariantCulture), "device credential revoked"), cancellationToken);
        return new RevokedDeviceCredential(request.Id);
    }
}
