using System.Globalization;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Tags;

/// <summary>An upload credential to create.</summary>
/// <param name="Tag">The device it uploads for, as typed; null for a gateway credential (any registered device).</param>
/// <param name="Name">What it is for (a phone, a vendor gateway), 1 to <see cref="CreateDeviceCredential.MaxName"/> characters.</param>
public sealed record CreateDeviceCredentialRequest(string? Tag, string? Name);

/// <summary>The credential created and its secret, shown this once (only its hash is kept).</summary>
public sealed record CreatedDeviceCredential(DeviceCredential Credential, string Secret);

/// <summary>An administrator creates a device's or a gateway's upload credential. Audited, never the secret.</summary>
public sealed class CreateDeviceCredential(IDeviceCredentialStore credentials, IAuditLog audit)
{
    /// <summary>The longest name a credential keeps.</summary>
    public const int MaxName = 100;

    public async Task<UseCaseResult<CreatedDeviceCredential>> ExecuteAsync(Actor actor, CreateDeviceCredentialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (TagsAccess.Refusal(actor) is { } refused)
        {
            return refused;
        }

        TagId? tag = null;
        if (request.Tag is not null)
        {
            if (TagsAccess.Tag(request.Tag, "tag", out var id) is { } badTag)
            {
                return badTag;
            }

            tag = id;
        }

        if (TagsAccess.Name(request.Name, "name", "required: say what the credential is for", MaxName) is { } badName)
        {
            return badName;
        }

        try
        {
            var (credential, secret) = await credentials.CreateAsync(tag, request.Name!.Trim(), cancellationToken);
            await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeSettings, "credential",
                credential.Id.ToString(CultureInfo.InvariantCulture),
                $"device credential '{credential.Name}' created ({(credential.Tag is { } t ? $"device {t}" : "gateway")})"), cancellationToken);
            return new CreatedDeviceCredential(credential, secret);
        }
        catch (KeyNotFoundException)
        {
            return UseCaseFailure.NotFound($"Tag {tag} is not registered.");
        }
    }
}
