using System.Globalization;
using Sylvan.Data.Csv;

namespace Tagwatch.Protocols.Csv;

/// <summary>Opens and advances CSV readers, turning malformed CSV (an unclosed quote, a record too large to be a
/// row of ours, an empty file) into <see cref="InputFormatException"/> that names the row.</summary>
internal static class CsvInput
{
    /// <summary>Largest record accepted, in characters: far beyond any real row, small enough to stop a hostile one.</summary>
    private const int MaxRecordCharacters = 1 << 20;

    /// <summary>A character no text file of ours holds, so that no line is taken for a comment.</summary>
    private const char NoCommentCharacter = '\0';

    public static CsvDataReader Open(TextReader input, bool hasHeaders)
    {
        try
        {
            return CsvDataReader.Create(input, new CsvDataReaderOptions
            {
                HasHeaders = hasHeaders,
                BufferSize = 1 << 16,
                MaxBufferSize = MaxRecordCharacters,
                // Our formats are comma-separated and have no comment lines: left to the reader's defaults, a row
                // whose first cell starts with '#' was skipped unseen as a comment, and the delimiter was guessed.
                Delimiter = ',',
                Comment = NoCommentCharacter,
            });
        }
        catch (CsvMissingHeadersException ex)
        {
            throw new InputFormatException("The file is empty: no header row.", ex);
        }
        catch (CsvFormatException ex)
        {
            throw Malformed(ex, hasHeaders);
        }
    }

    /// <summary>Advances to the next record (<paramref name="hasHeaders"/>: rows are then counted with the header as row 1).</summary>
    public static bool Read(CsvDataReader csv, bool hasHeaders = true)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException ex)
        {
            throw Malformed(ex, hasHeaders);
        }
    }

    private static InputFormatException Malformed(CsvFormatException ex, bool hasHeaders) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The CSV is malformed at row {ex.RowNumber + (hasHeaders ? 1 : 0)}: {ex.Message} Nothing was imported."), ex);
}
