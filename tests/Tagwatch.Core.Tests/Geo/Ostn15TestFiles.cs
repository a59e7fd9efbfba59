using System.Globalization;

namespace Tagwatch.Core.Tests.Geo;

/// <summary>Ordnance Survey's OSTN15/OSGM15 test files (tests/TestData/grid): inputs and OS's own outputs, by point.</summary>
internal static class Ostn15TestFiles
{
    /// <summary>ETRS89 inputs (degrees) and OS's OSGB36 National Grid outputs (metres, rounded to the millimetre).</summary>
    public static IReadOnlyList<(string Point, double Latitude, double Longitude, double Easting, double Northing)> EtrsToOsgb()
    {
        var inputs = Rows("OSTN15_OSGM15_TestInput_ETRStoOSGB.txt").ToDictionary(r => r[0], r => (Lat: Number(r[1]), Lon: Number(r[2])));
        return [.. Rows("OSTN15_OSGM15_TestOutput_ETRStoOSGB.txt")
            .Select(r => (r[0], inputs[r[0]].Lat, inputs[r[0]].Lon, Number(r[1]), Number(r[2])))];
    }

    /// <summary>OSGB36 National Grid inputs (metres) and OS's ETRS89 results (degrees, to 1e-11).</summary>
    public static IReadOnlyList<(string Point, double Easting, double Northing, double Latitude, double Longitude)> OsgbToEtrs()
    {
        var inputs = Rows("OSTN15_OSGM15_TestInput_OSGBtoETRS.txt").ToDictionary(r => r[0], r => (E: Number(r[1]), N: Number(r[2])));
        return [.. Rows("OSTN15_OSGM15_TestOutput_OSGBtoETRS.txt")
            .Where(r => r.Length > 1 && r[1] == "RESULT")
            .Select(r => (r[0], inputs[r[0]].E, inputs[r[0]].N, Number(r[2]), Number(r[3])))];
    }

    /// <summary>OS's interpolated shifts (metres) at each ETRS89 test point's pseudo grid position.</summary>
    public static IReadOnlyDictionary<string, (double East, double North)> Shifts() =>
        Rows("OSTN15_OSGM15_TestOutput_ETRStoOSGB.txt").ToDictionary(r => r[0], r => (Number(r[25]), Number(r[26])));

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadAllLines(TestData.Path("grid", file)).Skip(1)
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Split(',').Select(f => f.Trim()).ToArray());

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
