namespace Tagwatch.Storage.Model;

/// <summary>A licence location condition. The area is kept as entered (WGS84 circle or WKT) with its buffer.</summary>
public sealed class ConditionRow
{
    public long Id { get; set; }

    public Guid OffenderId { get; set; }

    public required string Kind { get; set; }

    public required string Area { get; set; }

    public double BufferMetres { get; set; }

    public required string Schedule { get; set; }

    public long GraceSeconds { get; set; }

    public required string Rules { get; set; }

    public required string Label { get; set; }

    public long CreatedUnixMs { get; set; }

    /// <summary>The stated start, when one was given (not before the person's monitoring start); the condition
    /// applies from it, or else from <see cref="CreatedUnixMs"/>.</summary>
    public long? StartsUnixMs { get; set; }

    public required string CreatedBy { get; set; }

    public long? EndedUnixMs { get; set; }

    public string? EndedBy { get; set; }
}
