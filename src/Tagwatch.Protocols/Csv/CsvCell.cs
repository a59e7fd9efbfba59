using System.Buffers;

namespace Tagwatch.Protocols.Csv;

/// <summary>
/// The formula-injection guard of CSV text cells (after OWASP's "CSV Injection" advice): a text cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return would be run as a formula by a spreadsheet
/// (<c>=HYPERLINK(…)</c>, <c>@SUM(…)</c>), so it is written with a leading <c>'</c>, which spreadsheets show as text
/// and hide. A cell that itself starts with <c>'</c> gets one too, so that reading one leading <c>'</c> off
/// (<see cref="Unguard"/>) gives back exactly what was written.
/// </summary>
public static class CsvCell
{
    /// <summary>The character put before a guarded cell.</summary>
    public const char GuardPrefix = '\'';

    private static readonly SearchValues<char> Triggers = SearchValues.Create("=+-@\t\r");

    private static readonly SearchValues<char> NumericCharacters = SearchValues.Create("0123456789.-+eE");

    /// <summary>Characters that make a cell need quoting.</summary>
    internal static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");

    /// <summary>
    /// Whether a text cell must be quoted: it holds a comma, quote or line break, or starts with <c>#</c>, which CSV
    /// readers (ours included) take for the start of a comment line when it opens a row.
    /// </summary>
    internal static bool NeedsQuotes(ReadOnlySpan<char> value) =>
        value.IndexOfAny(Special) >= 0 || (!value.IsEmpty && value[0] == '#');

    /// <summary>Whether a text cell must be written with <see cref="GuardPrefix"/> in front.</summary>
    public static bool NeedsGuard(ReadOnlySpan<char> value) =>
        !value.IsEmpty && (Triggers.Contains(value[0]) || value[0] == GuardPrefix);

    /// <summary>
    /// Whether a formatted number may be written unguarded: only digits, '.', signs and exponents, so even a
    /// spreadsheet that evaluates it can call no function and reach no other cell.
    /// </summary>
    public static bool IsNumeric(ReadOnlySpan<char> formatted) => formatted.IndexOfAnyExcept(NumericCharacters) < 0;

    /// <summary>A text cell as written, read back: without the guard's leading <c>'</c> when it has one.</summary>
    /// <remarks>Only the guard is removed: a <c>'</c> followed by a character that would not have been guarded is kept.</remarks>
    public static ReadOnlySpan<char> Unguard(ReadOnlySpan<char> cell) =>
        cell.Length >= 2 && cell[0] == GuardPrefix && NeedsGuard(cell[1..]) ? cell[1..] : cell;
}
