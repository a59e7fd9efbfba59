namespace Tagwatch.Protocols;

/// <summary>One row of an input: either a value or the errors that rejected it.</summary>
/// <typeparam name="T">The decoded record type.</typeparam>
public readonly record struct ParsedRow<T>(long Row, T? Value, IReadOnlyList<RowError> Errors)
    where T : notnull
{
    /// <summary>True when the row decoded.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>A decoded row.</summary>
    public static ParsedRow<T> Ok(long row, T value) => new(row, value, []);

    /// <summary>A rejected row.</summary>
    public static ParsedRow<T> Rejected(long row, IReadOnlyList<RowError> errors) => new(row, default, errors);
}
