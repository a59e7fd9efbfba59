namespace Tagwatch.Storage.Model;

/// <summary>Refused device messages, counted per device, protocol, reason and (for malformed identifiers) sender, so
/// operators can see and register a device, or see who is knocking.</summary>
public sealed class RefusedDeviceRow
{
    /// <summary>The identifier as sent; empty for malformed identifiers and folded records.</summary>
    public required string DeviceId { get; set; }

    public required string Protocol { get; set; }

    /// <summary><see cref="Application.Ingest.RefusalReason"/> in snake_case.</summary>
    public required string Reason { get; set; }

    /// <summary>The sender address a malformed identifier's count is kept per; otherwise empty.</summary>
    public required string Source { get; set; }

    public long FirstSeenUnixMs { get; set; }

    public long LastSeenUnixMs { get; set; }

    public long Messages { get; set; }

    public string? LastRemote { get; set; }

    /// <summary>The latest refusal in words.</summary>
    public string? Detail { get; set; }
}
