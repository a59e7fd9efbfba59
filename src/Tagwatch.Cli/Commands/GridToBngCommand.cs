using System.Globalization;
using Tagwatch.Core.Geo;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch grid to-bng LAT LON</c>: prints <c>EASTING NORTHING GRIDREF</c> (metres to the millimetre, 10-figure reference).</summary>
/// <remarks>By OSTN15; a result from the Helmert fallback outside OSTN15's grid ends with a note in parentheses.</remarks>
internal sealed class GridToBngCommand : GridCommandBase
{
    protected override bool Convert(string input, out string output, out string? error)
    {
        output = "";
        var parts = Split(input);
        if (parts.Length != 2)
        {
            error = $"expected LAT LON, got '{FieldParsers.Quote(input)}'";
            return false;
        }

        if (!FieldParsers.TryParseNumber(parts[0], -90, 90, out double lat, out error) )
        {
            error = $"latitude {error}";
            return false;
        }

        if (!FieldParsers.TryParseNumber(parts[1], -180, 180, out double lon, out error))
        {
            error = $"longitude {error}";
            return false;
        }

        try
        {
            var conversion = NationalGrid.ConvertToGrid(new GeoPoint(lat, lon));
            var grid = conversion.Grid;
            output = string.Create(CultureInfo.InvariantCulture, $"{grid.Easting:0.000} {grid.Northing:0.000} {GridReference.Format(grid)}") + FallbackSuffix(conversion.IsHelmertFallback);
            error = null;
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{lat}, {lon} is outside the National Grid (Great Britain)");
            return false;
        }
    }
}
