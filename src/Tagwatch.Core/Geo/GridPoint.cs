using System.Globalization;

namespace Tagwatch.Core.Geo;

/// <summary>A position on the Ordnance Survey National Grid (OSGB36, EPSG:27700), in metres.</summary>
/// <remarks>Easting in [0, 700000], northing in [0, 1300000]: the extent of the grid's lettered squares.</remarks>
public readonly record struct GridPoint
{
    /// <summary>Largest easting of the National Grid, in metres.</summary>
    public const double MaxEasting = 700_000;

    /// <summary>Largest northing of the National Grid, in metres.</summary>
    public const double MaxNorthing = 1_300_000;

    /// <summary>Creates a grid point, throwing when it lies outside the National Grid.</summary>
    public GridPoint(double easting, double northing)
    {
        if (!double.IsFinite(easting) || easting is < 0 or > MaxEasting)
        {
            throw new ArgumentOutOfRangeException(nameof(easting), easting, "Easting must be from 0 to 700000 metres.");
        }

        if (!double.IsFinite(northing) || northing is < 0 or > MaxNorthing)
        {
            throw new ArgumentOutOfRangeException(nameof(northing), northing, "Northing must be from 0 to 1300000 metres.");
        }

        Easting = easting;
        Northing = northing;
    }

    /// <summary>Easting in metres from the grid's false origin.</summary>
    public double Easting { get; }

    /// <summary>Northing in metres from the grid's false origin.</summary>
    public double Northing { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Easting:0.000} {Northing:0.000}");
}
