using System.Globalization;

namespace Tagwatch.Protocols.Nmea;

/// <summary>Verifies the <c>*hh</c> checksums of one log's sentences.</summary>
/// <remarks>
/// NMEA 0183 made the checksum optional in its early versions and some receivers (the HP 58534A among them) never send
/// one: their sentences are read unverified. Once a log has shown checksums, a sentence without one was cut off in
/// the capture, and is refused.
/// </remarks>
internal sealed class NmeaChecksum
{
    private bool _logHasChecksums;

    /// <summary>Whether <paramref name="sentence"/> (from its <c>$</c>; <paramref name="star"/> is the index of its
    /// <c>*</c>, or -1) is to be read; <paramref name="verified"/> says whether a checksum vouched for it.</summary>
    public bool Accepts(string sentence, int star, out bool verified, out string? error)
    {
        verified = false;
        error = null;
        if (star < 0)
        {
            error = _logHasChecksums ? "sentence has no *hh checksum (the log's other sentences have one: it was cut off)" : null;
            return !_logHasChecksums;
        }

        _logHasChecksums = true;
        byte computed = 0;
        for (int i = 1; i < star; i++)
        {
            computed ^= (byte)sentence[i];
        }

        if (star + 3 > sentence.Length
            || !byte.TryParse(sentence.AsSpan(star + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte stated) || stated != computed)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"checksum '{sentence[(star + 1)..]}' does not match the sentence ({computed:X2})");
            return false;
        }

        verified = true;
        return true;
    }
}
