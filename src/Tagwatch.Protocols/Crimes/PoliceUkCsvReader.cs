using NodaTime.Text;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Geo;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Protocols.Crimes;

/// <summary>Reads the data.police.uk street-level crime CSV as area context (month and anonymised point only).</summary>
/// <remarks>Header: Crime ID, Month, Reported by, Falls within, Longitude, Latitude, Location, LSOA code, LSOA name,
/// Crime type, Last outcome category, Context. Rows without a location are kept (no point); rows with an impossible
/// month or coordinates are rejected.</remarks>
public static class PoliceUkCsvReader
{
    /// <summary>Columns the header must contain.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = ["Crime ID", "Month", "Reported by", "Longitude", "Latitude", "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category"];

    private static readonly YearMonthPattern MonthPattern = YearMonthPattern.CreateWithInvariantCulture("uuuu-MM");

    /// <summary>Reads rows lazily.</summary>
    /// <exception cref="InputFormatException">The header lacks a required column.</exception>
    public static IEnumerable<ParsedRow<AreaCrime>> Read(TextReader input)
    {
        using var csv = CsvInput.Open(input, hasHeaders: true);
        var header = CsvHeader.Require(csv, RequiredColumns, "police.uk CSV");
        int id = header["Crime ID"], month = header["Month"], by = header["Reported by"], lonCol = header["Longitude"], latCol = header["Latitude"];
        int location = header["Location"], lsoaCode = header["LSOA code"], lsoaName = header["LSOA name"], type = header["Crime type"], outcome = header["Last outcome category"];
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
                yield return ParsedRow<AreaCrime>.Rejected(row, [countError]);
                continue;
            }

            var parsedMonth = MonthPattern.Parse(csv.GetString(month).Trim());
            if (!parsedMonth.Success)
            {
                errors.Add(new RowError(row, "Month", $"'{FieldParsers.Quote(csv.GetString(month))}' is not YYYY-MM"));
            }

            string crimeType = csv.GetString(type).Trim();
            if (crimeType.Length == 0)
            {
                errors.Add(new RowError(row, "Crime type", "is missing"));
            }

            GeoPoint? point = null;
            string latText = csv.GetString(latCol).Trim(), lonText = csv.GetString(lonCol).Trim();
            if (latText.Length > 0 || lonText.Length > 0)
            {
                bool ok = FieldParsers.TryParseNumber(latText, -90, 90, out double lat, out var latError);
                if (!ok)
                {
                    errors.Add(new RowError(row, "Latitude", latError!));
                }

                if (!FieldParsers.TryParseNumber(lonText, -180, 180, out double lon, out var lonError))
                {
                    errors.Add(new RowError(row, "Longitude", lonError!));
                    ok = false;
                }

                if (ok)
                {
                    point = new GeoPoint(lat, lon);
                }
            }

            string crimeId = csv.GetString(id).Trim();
            yield return errors.Count > 0
                ? ParsedRow<AreaCrime>.Rejected(row, errors)
                : ParsedRow<AreaCrime>.Ok(row, new AreaCrime
                {
                    CrimeId = crimeId.Length == 0 ? null : crimeId,
                    Month = parsedMonth.Value,
                    ReportedBy = csv.GetString(by).Trim(),
                    Position = point,
                    Location = csv.GetString(location).Trim(),
                    LsoaCode = csv.GetString(lsoaCode).Trim(),
                    LsoaName = csv.GetString(lsoaName).Trim(),
                    CrimeType = crimeType,
                    LastOutcome = csv.GetString(outcome).Trim(),
                });
        }
    }
}
