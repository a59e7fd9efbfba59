namespace Tagwatch.Application.Audit;

/// <summary>
/// Limits on the free text people state (purposes, reasons, notes, names) that ends up in records and the audit log,
/// checked before anything is done so a step is never half-recorded.
/// </summary>
public static class StatedText
{
    /// <summary>The longest purpose, reason or note.</summary>
    public const int MaxReason = 2_000;

    /// <summary>The longest user name or label.</summary>
    public const int MaxName = 256;

    /// <exception cref="ArgumentException"><paramref name="value"/> is longer than <paramref name="max"/>; the message names <paramref name="field"/>.</exception>
    public static void CheckLength(string? value, string field, int max = MaxReason)
    {
        if (value is not null && value.Length > max)
        {
            throw new ArgumentException($"{field}: {value.Length} characters; at most {max} are kept.", field);
        }
    }
}
