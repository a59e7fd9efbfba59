using Sylvan.Data.Csv;

namespace Tagwatch.Protocols.Csv;

/// <summary>The header of a CSV input: finds columns by name (any case, any order) and checks each row against it.</summary>
internal sealed class CsvHeader
{
    private readonly List<string> _names;

    private CsvHeader(List<string> names) => _names = names;

    /// <summary>Number of columns in the header.</summary>
    public int Count => _names.Count;

    /// <summary>Reads the header, throwing <see cref="InputFormatException"/> that names every missing required column.</summary>
    public static CsvHeader Require(CsvDataReader csv, IReadOnlyList<string> required, string format, string? hint = null)
    {
        var header = new CsvHeader(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToList());
        var missing = required.Where(c => header[c] < 0).ToList();
        if (missing.Count > 0)
        {
            throw new InputFormatException($"{format} header lacks column(s) {string.Join(", ", missing)}{(hint is null ? "" : "; " + hint)}.");
        }

        return header;
    }

    /// <summary>Ordinal of a column, or -1 when absent.</summary>
    public int this[string name] => _names.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for a line with nothing on it, which readers skip.</summary>
    public static bool IsBlankLine(CsvDataReader csv) => csv.RowFieldCount == 1 && csv.GetFieldSpan(0).IsWhiteSpace();

    /// <summary>The error for a row whose field count differs from the header's, or null when it matches.</summary>
    public RowError? FieldCountError(CsvDataReader csv, long row) =>
        csv.RowFieldCount == Count ? null : new RowError(row, "row", $"has {csv.RowFieldCount} fields; the header has {Count}");
}
