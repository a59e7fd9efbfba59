namespace Tagwatch.Storage.Model;

/// <summary>One entry of correlation work waiting, written in the transaction that caused it: either a span of fix
/// times (<see cref="FromUnixMs"/>–<see cref="ToUnixMs"/>) whose crimes are to be checked again, or one crime
/// (<see cref="Force"/>, <see cref="Reference"/>) to be checked against all history.</summary>
public sealed class PendingCorrelationRow
{
    /// <summary>Increasing and never reused (AUTOINCREMENT), so "clear up to the id read" never clears later work.</summary>
    public long Id { get; set; }

    public long QueuedUnixMs { get; set; }

    /// <summary>Why it was queued: <c>fixes</c>, <c>crimes</c>, or <c>assignment correction</c>.</summary>
    public required string Cause { get; set; }

    public long? FromUnixMs { get; set; }

    public long? ToUnixMs { get; set; }

    public string? Force { get; set; }

    public string? Reference { get; set; }
}
