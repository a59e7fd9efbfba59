namespace Tagwatch.Protocols;

/// <summary>The input as a whole cannot be read in the stated format (wrong header, not XML, not text).</summary>
/// <remarks>Distinct from a <see cref="RowError"/>: nothing from such an input is imported.</remarks>
public sealed class InputFormatException : Exception
{
    public InputFormatException(string message)
        : base(message)
    {
    }

    public InputFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InputFormatException()
    {
    }
}
