namespace Tagwatch.Storage.Model;

/// <summary>A registered tag. <see cref="Key"/> is the compact integer the fix store files chunks under.</summary>
public sealed class TagRow
{
    public int Key { get; set; }

    public required string DeviceId { get; set; }

    public required string Protocol { get; set; }

    public string? Model { get; set; }

    public long CreatedUnixMs { get; set; }
}
