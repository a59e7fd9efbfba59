using Tagwatch.Core.Crimes;
using Tagwatch.Core.Geo;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Protocols.Crimes;

/// <summary>Reads the interchange crime CSV: header <c>crime_ref,category,lat,lon,committed_from,committed_to</c> (ISO-8601 UTC).</summary>
/// <remarks>Optional columns: <c>precision_m</c> (location precision) and <c>text</c>. Category is a category name
/// (e.g. <c>robbery</c>, <c>burglary_dwelling</c>) or an MoJ code (e.g. <c>RB</c>).</remarks>
public static class TagwatchCrimeCsvReader
{
    /// <summary>The required columns, in the order the simulator writes them.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = ["crime_ref", "category", "lat", "lon", "committed_from", "committed_to"];

    /// <summary>Reads rows lazily, as crimes of <paramref name="force"/>.</summary>
    /// <exception cref="InputFormatException">The header lacks a required column.</exception>
    public static IEnumerable<ParsedRow<Crime>> Read(TextReader input, PoliceForce force)
    {
        using var csv = CsvInput.Open(input, hasHeaders: true);
        var header = CsvHeader.Require(csv, RequiredColumns, "Crime CSV", $"expected {string.Join(",", RequiredColumns)}");
        int refCol = header["crime_ref"], catCol = header["category"], latCol = header["lat"], lonCol = header["lon"], fromCol = header["committed_from"], toCol = header["committed_to"];
        int precisionCol = header["precision_m"], textCol = header["text"];
        long row = 1;
        while (CsvInput.Read(csv))
        {
            row++;
            if (CsvHeader.IsBlankLine(csv))
            {
                continue;
            }

            var errors = new List<RowError>(0);
            if (header.FieldCountError(csv, row) is { } countError)
            {
                yield return ParsedRow<Crime>.Rejected(row, [countError]);
                continue;
            }

            string reference = CsvCell.Unguard(csv.GetFieldSpan(refCol).Trim()).ToString(); // as written by CsvWriter
            if (reference.Length is 0 or > 64)
            {
                errors.Add(new RowError(row, "crime_ref", reference.Length == 0 ? "is missing" : "is longer than 64 characters"));
            }

            string categoryText = csv.GetString(catCol).Trim();
            if (!TryParseCategory(categoryText, out var category))
            {
                errors.Add(new RowError(row, "category", $"'{FieldParsers.Quote(categoryText)}' is not a crime category ({string.Join(", ", Enum.GetNames<CrimeCategory>())}) or MoJ code"));
            }

            if (!FieldParsers.TryParseNumber(csv.GetString(latCol), -90, 90, out double lat, out var latError))
            {
                errors.Add(new RowError(row, "lat", latError!));
            }

            if (!FieldParsers.TryParseNumber(csv.GetString(lonCol), -180, 180, out double lon, out var lonError))
            {
                errors.Add(new RowError(row, "lon", lonError!));
            }

            if (!FieldParsers.TryParseIsoInstant(csv.GetString(fromCol), out var from, out var fromError))
            {
                errors.Add(new RowError(row, "committed_from", fromError!));
            }

            if (!FieldParsers.TryParseIsoInstant(csv.GetString(toCol), out var to, out var toError))
            {
                errors.Add(new RowError(row, "committed_to", toError!));
            }
            else if (fromError is null && to < from)
            {
                errors.Add(new RowError(row, "committed_to", "is before committed_from"));
            }

            double precision = 0;
            if (precisionCol >= 0 && csv.GetString(precisionCol).Trim().Length > 0
                && !FieldParsers.TryParseNumber(csv.GetString(precisionCol), 0, 10_000, out precision, out var precisionError))
            {
                errors.Add(new RowError(row, "precision_m", precisionError!));
            }

            GridPoint grid = default;
            if (errors.Count == 0)
            {
                var point = new GeoPoint(lat, lon);
                try
                {
                    grid = NationalGrid.ToGrid(point);
                }
                catch (ArgumentOutOfRangeException)
                {
                    errors.Add(new RowError(row, "lat", $"{lat},{lon} is outside the National Grid (Great Britain)"));
                }
            }

            yield return errors.Count > 0
                ? ParsedRow<Crime>.Rejected(row, errors)
                : ParsedRow<Crime>.Ok(row, new Crime
                {
                    Force = force.Key,
                    Reference = reference,
                    Category = category,
                    CategoryCode = categoryText,
                    CommittedFrom = from,
                    CommittedTo = to,
                    Position = new GeoPoint(lat, lon),
                    Grid = grid,
                    LocationPrecisionMetres = precision,
                    Text = textCol >= 0 ? csv.GetString(textCol) : "",
                    Source = CrimeSource.Tagwatch,
                });
        }
    }

    /// <summary>Parses a category name (any case, with or without underscores) or an MoJ code.</summary>
    public static bool TryParseCategory(string text, out CrimeCategory category)
    {
        if (MojCrimeType.TryParse(text.ToUpperInvariant(), out category))
        {
            return true;
        }

        return Enum.TryParse(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out category)
            && Enum.IsDefined(category) && !int.TryParse(text, out _);
    }
}
