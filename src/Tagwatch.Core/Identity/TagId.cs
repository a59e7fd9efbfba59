namespace Tagwatch.Core.Identity;

/// <summary>A tag's device identifier as the device reports it (IMEI or vendor device ID).</summary>
/// <remarks>1 to 40 characters of letters, digits, '-', '_', '.' and ':'; compared exactly.</remarks>
public readonly record struct TagId
{
    private TagId(string value) => Value = value;

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <summary>Parses a device identifier, returning a reason when it is not one.</summary>
    public static bool TryParse(string? text, out TagId id, out string? error)
    {
        id = default;
        string trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "tag ID is empty";
            return false;
        }

        if (trimmed.Length > 40)
        {
            error = $"tag ID '{trimmed[..40]}…' is longer than 40 characters";
            return false;
        }

        foreach (char c in trimmed)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':'))
            {
                error = $"tag ID '{trimmed}' contains '{c}'; only letters, digits, '-', '_', '.' and ':' are allowed";
                return false;
            }
        }

        id = new TagId(trimmed);
        error = null;
        return true;
    }

    /// <summary>Parses a device identifier, throwing <see cref="ArgumentException"/> when it is not one.</summary>
    public static TagId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new ArgumentException(error, nameof(text));

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
