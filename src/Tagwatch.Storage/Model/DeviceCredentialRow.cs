namespace Tagwatch.Storage.Model;

/// <summary>A secret that lets a device (TagKey set) or a vendor gateway (TagKey null) upload fixes; only its SHA-256 is kept.</summary>
public sealed class DeviceCredentialRow
{
    public long Id { get; set; }

    public int? TagKey { get; set; }

    public required string Name { get; set; }

    public required string SecretHash { get; set; }

    public long CreatedUnixMs { get; set; }

    public long? RevokedUnixMs { get; set; }
}
