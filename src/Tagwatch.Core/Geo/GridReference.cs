using System.Globalization;

namespace Tagwatch.Core.Geo;

/// <summary>Ordnance Survey grid references such as <c>TQ 30 80</c> or <c>TQ3004580123</c>.</summary>
/// <remarks>
/// An n-figure reference names a square, not a point: parsing returns the square's centre and its size, so
/// "TQ 30 80" is the 1 km square whose south-west corner is 530000, 180000 and whose centre is 530500, 180500.
/// </remarks>
public static class GridReference
{
    // The 500 km squares are S, T, N, O, H, J; each holds a 5×5 grid of 100 km letters (no I).
    private const string Letters = "ABCDEFGHJKLMNOPQRSTUVWXYZ";

    /// <summary>Parses a grid reference, returning its centre point and the side of the square it names in metres.</summary>
    public static bool TryParse(string text, out GridPoint centre, out double squareMetres, out string? error)
    {
        centre = default;
        squareMetres = 0;
        string compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (compact.Length < 2 || !char.IsLetter(compact[0]) || !char.IsLetter(compact[1]))
        {
            error = $"'{text}' is not a grid reference: it must start with two letters, as in TQ 30 80";
            return false;
        }

        int first = Letters.IndexOf(compact[0], StringComparison.Ordinal);
        int second = Letters.IndexOf(compact[1], StringComparison.Ordinal);
        if (first < 0 || second < 0)
        {
            error = $"'{text}' has grid letters that do not exist (I is never used)";
            return false;
        }

        // 500 km square from the first letter, relative to the false origin at S.
        long e500 = (first % 5 - 2) * 500_000L;
        long n500 = (3 - first / 5) * 500_000L;
        long e100 = e500 + second % 5 * 100_000L;
        long n100 = n500 + (4 - second / 5) * 100_000L;

        string digits = compact[2..];
        if (digits.Length % 2 != 0 || digits.Length > 10 || digits.Any(c => !char.IsAsciiDigit(c)))
        {
            error = $"'{text}' must have an even number of digits (0 to 10) after the letters";
            return false;
        }

        int half = digits.Length / 2;
        double size = 100_000 / Math.Pow(10, half);
        double easting = e100 + (half == 0 ? 0 : long.Parse(digits[..half], CultureInfo.InvariantCulture) * size);
        double northing = n100 + (half == 0 ? 0 : long.Parse(digits[half..], CultureInfo.InvariantCulture) * size);
        easting += size / 2;
        northing += size / 2;
        if (easting is < 0 or > GridPoint.MaxEasting || northing is < 0 or > GridPoint.MaxNorthing)
        {
            error = $"'{text}' lies outside the National Grid";
            return false;
        }

        centre = new GridPoint(easting, northing);
        squareMetres = size;
        error = null;
        return true;
    }

    /// <summary>Formats a grid point as a reference with <paramref name="digits"/> figures (2 to 10, even).</summary>
    public static string Format(GridPoint point, int digits = 10)
    {
        if (digits is < 2 or > 10 || digits % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(digits), digits, "A grid reference has 2, 4, 6, 8 or 10 figures.");
        }

        long e = (long)Math.Floor(point.Easting);
        long n = (long)Math.Floor(point.Northing);
        int e100k = (int)(e / 100_000), n100k = (int)(n / 100_000);
        int firstIndex = (19 - n100k) - (19 - n100k) % 5 + (e100k + 10) / 5;
        int secondIndex = (19 - n100k) * 5 % 25 + e100k % 5;
        int half = digits / 2;
        long divisor = (long)Math.Pow(10, 5 - half);
        string format = new('0', half);
        string eastDigits = (e % 100_000 / divisor).ToString(format, CultureInfo.InvariantCulture);
        string northDigits = (n % 100_000 / divisor).ToString(format, CultureInfo.InvariantCulture);
        return $"{Letters[firstIndex]}{Letters[secondIndex]} {eastDigits} {northDigits}";
    }
}
