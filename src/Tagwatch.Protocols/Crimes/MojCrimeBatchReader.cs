using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Geo;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Protocols.Crimes;

/// <summary>Reads the MoJ electronic-monitoring crime-mapping batch CSV that police forces send for tag-wearer matching.</summary>
/// <remarks>
/// Thirteen columns, no header: policeForce, crimeTypeId, crimeDescription, batchId, crimeReference, crimeDateTimeFrom,
/// crimeDateTimeTo, easting, northing, latitude, longitude, datum, crimeText. Times are <c>yyyyMMddHHmmss</c> in UK local
/// time: a time that occurs twice when clocks go back is read as the earlier for the window's start and the later for
/// its end (the window never shrinks); a time skipped when clocks go forward is moved forward by the gap.
/// Each row yields a crime or every reason it was rejected.
/// </remarks>
public static partial class MojCrimeBatchReader
{
    /// <summary>Columns a row must have.</summary>
    public const int ColumnCount = 13;

    /// <summary>Longest committed window accepted.</summary>
    public static readonly Duration MaxWindow = Duration.FromHours(12);

    private static readonly LocalDateTimePattern DatePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMddHHmmss");
    private static readonly LocalDatePattern BatchDatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
    private static readonly DateTimeZone UkTime = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly ZoneLocalMappingResolver StartResolver = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnForwardShifted);
    private static readonly ZoneLocalMappingResolver EndResolver = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);

    /// <summary>Reads rows lazily; blank lines are skipped.</summary>
    public static IEnumerable<ParsedRow<Crime>> Read(TextReader input)
    {
        using var csv = CsvInput.Open(input, hasHeaders: false);
        long row = 0;
        while (CsvInput.Read(csv, hasHeaders: false))
        {
            row++;
            if (CsvHeader.IsBlankLine(csv))
            {
                continue;
            }

            if (csv.RowFieldCount != ColumnCount)
            {
                yield return ParsedRow<Crime>.Rejected(row, [new RowError(row, "row", $"has {csv.RowFieldCount} columns; the MoJ batch format has {ColumnCount}")]);
                continue;
            }

            var fields = new string[ColumnCount];
            for (int i = 0; i < ColumnCount; i++)
            {
                fields[i] = csv.GetString(i).Trim();
            }

            yield return ParseRow(row, fields);
        }
    }

    /// <summary>Validates one row's 13 fields.</summary>
    public static ParsedRow<Crime> ParseRow(long row, IReadOnlyList<string> f)
    {
        var errors = new List<RowError>();
        void Error(string field, string reason) => errors.Add(new RowError(row, field, reason));

        var force = PoliceForce.Find(f[0]);
        if (force is null)
        {
            Error("policeForce", $"'{FieldParsers.Quote(f[0])}' is not a known force (one of {string.Join(", ", PoliceForce.All.Select(p => p.Key))})");
        }

        if (!MojCrimeType.TryParse(f[1], out var category))
        {
            Error("crimeTypeId", $"'{FieldParsers.Quote(f[1])}' is not one of {string.Join(", ", MojCrimeType.All)}");
        }

        ValidateBatchId(f[3], force, Error);

        if (f[4].Length == 0)
        {
            Error("crimeReference", "is missing");
        }
        else if (f[4].Length > 64)
        {
            Error("crimeReference", "is longer than 64 characters");
        }

        Instant? from = ParseLocal(f[5], StartResolver, "crimeDateTimeFrom", Error);
        Instant? to = ParseLocal(f[6], EndResolver, "crimeDateTimeTo", Error);
        if (from is { } start && to is { } end)
        {
            if (end < start)
            {
                Error("crimeDateTimeTo", $"{f[6]} is before crimeDateTimeFrom {f[5]}");
            }
            else if (end - start > MaxWindow)
            {
                Error("crimeDateTimeTo", string.Create(CultureInfo.InvariantCulture, $"the window {f[5]}–{f[6]} lasts {(end - start).TotalHours:0.##} hours; at most 12 are allowed"));
            }
        }

        var location = ParseLocation(f[7], f[8], f[9], f[10], f[11], Error);
        if (errors.Count > 0)
        {
            return ParsedRow<Crime>.Rejected(row, errors);
        }

        var (position, grid, asGrid, conversionAccuracy) = location!.Value;
        return ParsedRow<Crime>.Ok(row, new Crime
        {
            Force = force!.Key,
            Reference = f[4],
            Category = category,
            CategoryCode = f[1],
            CommittedFrom = from!.Value,
            CommittedTo = to!.Value,
            Position = position,
            Grid = grid,
            ReceivedAsGrid = asGrid,
            LocationPrecisionMetres = asGrid ? conversionAccuracy : 0,
            BatchId = f[3],
            Text = f[12],
            Source = CrimeSource.MojBatch,
        });
    }

    private static void ValidateBatchId(string batchId, PoliceForce? force, Action<string, string> error)
    {
        if (batchId.Length == 0)
        {
            error("batchId", "is missing");
            return;
        }

        var match = BatchIdPattern().Match(batchId);
        if (!match.Success)
        {
            error("batchId", $"'{FieldParsers.Quote(batchId)}' is not a force code followed by yyyyMMdd (optionally -N and -R or -A), e.g. MPS20250126");
            return;
        }

        if (force is not null && !string.Equals(match.Groups["code"].Value, force.Code, StringComparison.OrdinalIgnoreCase))
        {
            error("batchId", $"'{batchId}' does not start with {force.Code}, the code of {force.Name}");
        }

        if (!BatchDatePattern.Parse(match.Groups["date"].Value).Success)
        {
            error("batchId", $"'{batchId}' has an impossible date {match.Groups["date"].Value}");
        }
    }

    private static Instant? ParseLocal(string text, ZoneLocalMappingResolver resolver, string field, Action<string, string> error)
    {
        var parsed = text.Length == 14 ? DatePattern.Parse(text) : null;
        if (parsed is null || !parsed.Success)
        {
            error(field, text.Length == 0 ? "is missing" : $"'{FieldParsers.Quote(text)}' is not a date-time yyyyMMddHHmmss");
            return null;
        }

        return UkTime.ResolveLocal(parsed.Value, resolver).ToInstant();
    }

    // A location sent as eastings and northings is kept exactly; its WGS84 position is derived, as good as the conversion.
    private static (GeoPoint Position, GridPoint Grid, bool AsGrid, double ConversionAccuracyMetres)? ParseLocation(string easting, string northing, string latitude, string longitude, string datum, Action<string, string> error)
    {
        bool hasGrid = easting.Length > 0 || northing.Length > 0;
        bool hasGeo = latitude.Length > 0 || longitude.Length > 0;
        if (hasGrid && hasGeo)
        {
            error("location", "both easting/northing and latitude/longitude are given; send exactly one kind");
            return null;
        }

        if (!hasGrid && !hasGeo)
        {
            error("location", "no location: give easting and northing, or latitude and longitude");
            return null;
        }

        string datumUpper = datum.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (datumUpper.Length > 0 && datumUpper is not ("WGS84" or "OSGB36" or "OSGB" or "BNG"))
        {
            error("datum", $"'{FieldParsers.Quote(datum)}' is not WGS84 or OSGB36");
            return null;
        }

        if (hasGrid)
        {
            bool ok = Coordinate(easting, "easting", "northing", 0, 600_000, out double e, error)
                & Coordinate(northing, "northing", "easting", 0, 1_300_000, out double n, error);
            if (datumUpper == "WGS84")
            {
                error("datum", "is WGS84 but the location is given as easting and northing (OSGB36)");
                return null;
            }

            if (!ok)
            {
                return null;
            }

            var grid = new GridPoint(e, n);
            var wgs84 = NationalGrid.ConvertToWgs84(grid);
            return (wgs84.Position, grid, true, wgs84.AccuracyMetres);
        }

        bool valid = Coordinate(latitude, "latitude", "longitude", 49.5, 61.5, out double lat, error)
            & Coordinate(longitude, "longitude", "latitude", -8.5, 2.6, out double lon, error);
        if (datumUpper is "OSGB36" or "OSGB" or "BNG")
        {
            error("datum", "is OSGB36 but the location is given as latitude and longitude (WGS84)");
            return null;
        }

        if (!valid)
        {
            return null;
        }

        var point = new GeoPoint(lat, lon);
        return (point, NationalGrid.ToGrid(point), false, 0);
    }

    private static bool Coordinate(string text, string field, string partner, double min, double max, out double value, Action<string, string> error)
    {
        value = 0;
        if (text.Length == 0)
        {
            error(field, $"is missing while {partner} is given");
            return false;
        }

        if (!FieldParsers.TryParseNumber(text, min, max, out value, out var reason))
        {
            error(field, reason!);
            return false;
        }

        return true;
    }

    [GeneratedRegex("^(?<code>[A-Za-z]+)(?<date>[0-9]{8})(-[0-9]+)?(-[RrAa])?$")]
    private static partial Regex BatchIdPattern();
}
