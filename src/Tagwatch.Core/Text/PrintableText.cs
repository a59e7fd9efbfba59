using System.Globalization;
using System.Text;

namespace Tagwatch.Core.Text;

/// <summary>Text that came from outside (a device, a file) made safe to print on a terminal or write to a log line.</summary>
/// <remarks>A device may send anything as its identifier: an escape sequence in it would clear an operator's screen,
/// recolour a log or forge a line break. Control and format characters (C0, DEL, C1, bidirectional overrides, line and
/// paragraph separators) are written as <c>\u001B</c>-style escapes, and a backslash as <c>\\</c>, so the printed text
/// names exactly what was received. Thread-safe: pure.</remarks>
public static class PrintableText
{
    /// <summary><paramref name="text"/> with every control or format character escaped; null stays null.</summary>
    public static string? Escape(string? text)
    {
        if (text is null || !NeedsEscape(text))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (c == '\\')
            {
                escaped.Append(@"\\");
            }
            else if (IsUnsafe(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds a control or format character.</summary>
    public static bool HasControlCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (char c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NeedsEscape(string text) => text.Contains('\\', StringComparison.Ordinal) || HasControlCharacters(text);

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
