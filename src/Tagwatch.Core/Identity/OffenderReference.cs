namespace Tagwatch.Core.Identity;

/// <summary>The pseudonymous reference by which an enrolled person is known across the product, e.g. <c>TW-00042</c>.</summary>
/// <remarks>It carries no personal data; names and dates of birth are kept apart and shown only to roles that need them.</remarks>
public readonly record struct OffenderReference
{
    private OffenderReference(string value) => Value = value;

    /// <summary>The reference text.</summary>
    public string Value { get; }

    /// <summary>The reference for a sequence number: <c>TW-</c> followed by five or more digits.</summary>
    public static OffenderReference FromSequence(int sequence) => new($"TW-{sequence:00000}");

    /// <summary>Parses a reference: 3 to 32 characters of letters, digits and '-'.</summary>
    public static bool TryParse(string? text, out OffenderReference reference, out string? error)
    {
        reference = default;
        string trimmed = text?.Trim() ?? "";
        if (trimmed.Length is < 3 or > 32 || trimmed.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
        {
            error = $"offender reference '{trimmed}' must be 3 to 32 letters, digits or '-'";
            return false;
        }

        reference = new OffenderReference(trimmed.ToUpperInvariant());
        error = null;
        return true;
    }

    /// <summary>Parses a reference, throwing <see cref="ArgumentException"/> when invalid.</summary>
    public static OffenderReference Parse(string text) =>
        TryParse(text, out var reference, out var error) ? reference : throw new ArgumentException(error, nameof(text));

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
