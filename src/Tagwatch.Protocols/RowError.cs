using System.Globalization;

namespace Tagwatch.Protocols;

/// <summary>Why one input row (or record) was rejected: where, which field, and what was wrong.</summary>
/// <param name="Row">1-based row or record number in the input (the header, when present, is row 1).</param>
/// <param name="Field">The field at fault, or <c>row</c> when the row as a whole is wrong.</param>
/// <param name="Reason">What was wrong, quoting the offending value.</param>
public sealed record RowError(long Row, string Field, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"row {Row}, {Field}: {Reason}");
}
