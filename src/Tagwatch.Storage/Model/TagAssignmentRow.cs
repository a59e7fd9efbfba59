namespace Tagwatch.Storage.Model;

/// <summary>A tag worn by an offender from <see cref="FromUnixMs"/> until <see cref="ToUnixMs"/> (open when null).</summary>
public sealed class TagAssignmentRow
{
    public long Id { get; set; }

    public int TagKey { get; set; }

    public Guid OffenderId { get; set; }

    public long FromUnixMs { get; set; }

    public long? ToUnixMs { get; set; }
}
