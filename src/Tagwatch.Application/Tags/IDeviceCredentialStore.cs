using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Tags;

/// <summary>Device and gateway upload credentials. Secrets are shown once, at creation; only their hash is kept.</summary>
public interface IDeviceCredentialStore
{
    /// <summary>Creates a credential for <paramref name="tag"/> (or a gateway when null) and returns it with its secret.</summary>
    /// <exception cref="KeyNotFoundException">The tag is not registered.</exception>
    Task<(DeviceCredential Credential, string Secret)> CreateAsync(TagId? tag, string name, CancellationToken cancellationToken = default);

    /// <summary>The live credential whose secret is <paramref name="secret"/>, or null.</summary>
    Task<DeviceCredential?> VerifyAsync(string secret, CancellationToken cancellationToken = default);

    /// <summary>Revokes a credential; false when there is none with that ID.</summary>
    Task<bool> RevokeAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Every credential, newest first.</summary>
    Task<IReadOnlyList<DeviceCredential>> ListAsync(CancellationToken cancellationToken = default);
}
