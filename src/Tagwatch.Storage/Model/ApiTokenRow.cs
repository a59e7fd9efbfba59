namespace Tagwatch.Storage.Model;

/// <summary>A personal API token: only its SHA-256 is kept; it acts as its owner with the owner's current role and scope.</summary>
public sealed class ApiTokenRow
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public required string SecretHash { get; set; }

    public long CreatedUnixMs { get; set; }

    public long ExpiresUnixMs { get; set; }

    public long? RevokedUnixMs { get; set; }

    public long? LastUsedUnixMs { get; set; }
}
