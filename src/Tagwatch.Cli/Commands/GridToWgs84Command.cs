using System.Globalization;
using Tagwatch.Core.Geo;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch grid to-wgs84 EASTING NORTHING</c> or <c>tagwatch grid to-wgs84 TQ 30 80</c>: prints <c>LAT LON</c>.</summary>
/// <remarks>
/// A grid reference names a square; its centre is converted. By OSTN15; a result from the Helmert fallback outside
/// OSTN15's grid ends with a note in parentheses.
/// </remarks>
internal sealed class GridToWgs84Command : GridCommandBase
{
    protected override bool Convert(string input, out string output, out string? error)
    {
        output = "";
        var parts = Split(input);
        GridPoint grid;
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            if (!FieldParsers.TryParseNumber(parts[0], 0, GridPoint.MaxEasting, out double easting, out error))
            {
                error = $"easting {error}";
                return false;
            }

            if (!FieldParsers.TryParseNumber(parts[1], 0, GridPoint.MaxNorthing, out double northing, out error))
            {
                error = $"northing {error}";
                return false;
            }

            grid = new GridPoint(easting, northing);
        }
        else if (!GridReference.TryParse(input, out grid, out _, out error))
        {
            return false;
        }

        var conversion = NationalGrid.ConvertToWgs84(grid);
        var point = conversion.Position;
        output = string.Create(CultureInfo.InvariantCulture, $"{point.Latitude:0.0000000} {point.Longitude:0.0000000}") + FallbackSuffix(conversion.IsHelmertFallback);
        error = null;
        return true;
    }
}
