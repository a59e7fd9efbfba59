using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Storage.Correlation;

/// <summary>The content hash that tells a re-run whether a match's evidence changed.</summary>
/// <remarks>
/// Taken over the full-precision values in the form the first versions stored them (PascalCase JSON, Unix
/// milliseconds), not over the rounded JSON now stored and shown: the hashes of matches stored before the JSON style
/// changed stay valid, so re-running on the same data leaves them alone. An estimated accuracy adds its marker only
/// when set, so evidence without one hashes as it always did.
/// </remarks>
internal static class MatchContentHash
{
    public static string Compute(ScoredMatch match)
    {
        string factors = JsonSerializer.Serialize(match.Factors);
        string evidence = JsonSerializer.Serialize(match.Evidence.Select(p => new HashedPoint(
            p.TimeUnixMs, p.Latitude, p.Longitude, p.AccuracyMetres, p.SpeedKmh, p.HeadingDegrees, p.DistanceMetres, p.MarginMetres, p.Interpolated, p.AccuracyEstimated)));
        string gaps = JsonSerializer.Serialize(match.Gaps.Select(g => new HashedGap(g.FromUnixMs, g.ToUnixMs, g.SiteReachable)));
        string content = string.Join('\u001f', match.Crime.Version, match.OffenderReference, match.Score.ToString("R", CultureInfo.InvariantCulture),
            match.Significant, match.HabitualPlace, factors, evidence, gaps);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    private sealed record HashedPoint(
        long TimeUnixMs, double Latitude, double Longitude, double? AccuracyMetres, double? SpeedKmh, double? HeadingDegrees, double DistanceMetres, double MarginMetres, bool Interpolated,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool AccuracyEstimated);

    private sealed record HashedGap(long FromUnixMs, long ToUnixMs, bool? SiteReachable);
}
