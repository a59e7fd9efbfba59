using System.Globalization;

namespace Tagwatch.Protocols.Csv;

/// <summary>
/// The one writer of every CSV Tagwatch produces: RFC 4180 quoting, and text cells that a spreadsheet cannot take
/// for a formula (see <see cref="CsvCell"/>).
/// </summary>
/// <remarks>
/// Text cells (<see cref="Text(string?)"/>) are guarded and quoted as needed; numeric cells (<see cref="Number(double, string)"/>
/// and friends) are written as formatted, so a negative longitude stays a number. Rows end with the writer's
/// <see cref="TextWriter.NewLine"/>. Not thread-safe: one writer per output.
/// </remarks>
public sealed class CsvWriter(TextWriter output)
{
    private bool _inRow;

    /// <summary>Writes a header row of column names.</summary>
    public void WriteHeader(params ReadOnlySpan<string> names)
    {
        foreach (string name in names)
        {
            Text(name);
        }

        EndRow();
    }

    /// <summary>Writes a text cell: guarded against formula injection and quoted when it holds a comma, quote or line break.</summary>
    public CsvWriter Text(ReadOnlySpan<char> value)
    {
        Separate();
        bool guard = CsvCell.NeedsGuard(value);
        if (!CsvCell.NeedsQuotes(value))
        {
            if (guard)
            {
                output.Write(CsvCell.GuardPrefix);
            }

            output.Write(value);
            return this;
        }

        output.Write('"');
        if (guard)
        {
            output.Write(CsvCell.GuardPrefix);
        }

        while (value.IndexOf('"') is var quote and >= 0)
        {
            output.Write(value[..(quote + 1)]);
            output.Write('"');
            value = value[(quote + 1)..];
        }

        output.Write(value);
        output.Write('"');
        return this;
    }

    /// <summary>Writes a text cell, empty for null.</summary>
    public CsvWriter Text(string? value) => Text(value.AsSpan());

    /// <summary>Writes a numeric cell already formatted in the invariant culture (a leading '-' is a sign, kept as is).</summary>
    /// <exception cref="ArgumentException">The text holds more than digits, '.', signs and exponents.</exception>
    public CsvWriter Number(ReadOnlySpan<char> formatted)
    {
        if (!CsvCell.IsNumeric(formatted))
        {
            throw new ArgumentException($"'{formatted}' is not a number; write it with Text", nameof(formatted));
        }

        Separate();
        output.Write(formatted);
        return this;
    }

    /// <summary>Writes a numeric cell with a .NET format string (e.g. <c>0.00</c>) in the invariant culture.</summary>
    public CsvWriter Number(double value, string format)
    {
        Span<char> text = stackalloc char[64];
        return value.TryFormat(text, out int written, format, CultureInfo.InvariantCulture)
            ? Number(text[..written])
            : Number(value.ToString(format, CultureInfo.InvariantCulture));
    }

    /// <summary>Writes an integer cell.</summary>
    public CsvWriter Number(long value)
    {
        Span<char> text = stackalloc char[24];
        value.TryFormat(text, out int written, default, CultureInfo.InvariantCulture);
        Separate();
        output.Write(text[..written]);
        return this;
    }

    /// <summary>Writes a <c>true</c>/<c>false</c> cell.</summary>
    public CsvWriter Boolean(bool value) => Text(value ? "true" : "false");

    /// <summary>Ends the current row.</summary>
    public void EndRow()
    {
        output.WriteLine();
        _inRow = false;
    }

    private void Separate()
    {
        if (_inRow)
        {
            output.Write(',');
        }

        _inRow = true;
    }
}
