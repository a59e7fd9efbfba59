using NodaTime;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Nmea;

namespace Tagwatch.Protocols.Devices;

/// <summary>A captured NMEA sentence decoded as a device message, so <c>decode</c> shows it like any device's.</summary>
internal static class CapturedNmea
{
    public static IReadOnlyList<DecodeResult> Decode(string payload, Instant received)
    {
        var results = new List<DecodeResult>();
        foreach (var row in NmeaReader.Read(new StringReader(payload.Trim()), TagId.Parse("capture"), received))
        {
            if (!row.IsValid)
            {
                results.Add(DecodeResult.Fail(string.Join("; ", row.Errors.Select(e => $"{e.Field}: {e.Reason}"))));
                continue;
            }

            var fix = row.Value!.Fix;
            results.Add(DecodeResult.Ok(new DeviceMessage
            {
                Protocol = DeviceProtocols.Nmea.Name,
                Kind = "location",
                Positions =
                [
                    new DecodedPosition
                    {
                        Time = fix.Time,
                        Latitude = fix.Latitude,
                        Longitude = fix.Longitude,
                        Valid = (fix.Flags & Core.Fixes.FixFlags.Invalid) == 0,
                        AccuracyMetres = fix.AccuracyMetres,
                        SpeedKmh = fix.SpeedKmh,
                        HeadingDegrees = fix.HeadingDegrees,
                    },
                ],
            }));
        }

        return results.Count > 0 ? results : [DecodeResult.Fail("no RMC, GGA, GNS or GLL sentence with a position")];
    }
}
