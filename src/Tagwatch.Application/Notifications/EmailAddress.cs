using System.Net.Mail;

namespace Tagwatch.Application.Notifications;

/// <summary>Checks that a text is one plain e-mail address (no display name, no list).</summary>
public static class EmailAddress
{
    /// <summary>The longest address accepted (RFC 5321's path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>Whether <paramref name="value"/> is a single bare address such as <c>duty.officer@example.gov.uk</c>.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Length <= MaxLength
        && MailAddress.TryCreate(value, out var parsed)
        && parsed.Address == value
        && (parsed.Host.Contains('.', StringComparison.Ordinal) || parsed.Host is "localhost");
}
