using NodaTime;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Tags;

/// <summary>A credential for uploading fixes: a device's own (<see cref="Tag"/> set) or a vendor gateway's (any registered device).</summary>
/// <remarks>A device credential can only write fixes; it never reads anything.</remarks>
public sealed record DeviceCredential(long Id, TagId? Tag, string Name, Instant Created, Instant? Revoked)
{
    /// <summary>Every credential's secret starts with this, so a secret in a URL path is told from an ordinary path.</summary>
    public const string SecretPrefix = "twd_";

    /// <summary>True for a gateway credential, which may upload for every registered device.</summary>
    public bool IsGateway => Tag is null;

    /// <summary>True when the credential may upload fixes of <paramref name="device"/>.</summary>
    public bool Covers(TagId device) => Revoked is null && (Tag is null || Tag == device);
}
