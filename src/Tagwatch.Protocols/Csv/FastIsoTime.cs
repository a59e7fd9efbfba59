namespace Tagwatch.Protocols.Csv;

/// <summary>Allocation-free parsing of the ISO-8601 shape that machine-written files use:
/// <c>yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hh:mm)</c>. Anything else is left to the general parser.</summary>
internal static class FastIsoTime
{
    private const long MillisecondsPerDay = 86_400_000;

    public static bool TryParse(ReadOnlySpan<char> s, out long unixMs)
    {
        unixMs = 0;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out int year) || !Digits(s, 5, 2, out int month) || !Digits(s, 8, 2, out int day)
            || !Digits(s, 11, 2, out int hour) || !Digits(s, 14, 2, out int minute) || !Digits(s, 17, 2, out int second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        int i = 19;
        long millis = 0;
        if (s[i] == '.')
        {
            i++;
            int start = i, scale = 100;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                millis += (s[i] - '0') * scale;
                scale /= 10;
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        long offsetMinutes;
        if (i == s.Length - 1 && (s[i] == 'Z' || s[i] == 'z'))
        {
            offsetMinutes = 0;
        }
        else if (i == s.Length - 6 && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':'
            && Digits(s, i + 1, 2, out int offsetHours) && Digits(s, i + 4, 2, out int offsetMins) && offsetHours <= 18 && offsetMins <= 59)
        {
            offsetMinutes = (s[i] == '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
        }
        else
        {
            return false;
        }

        long days = DaysFromCivil(year, month, day);
        unixMs = days * MillisecondsPerDay + ((hour * 60L + minute - offsetMinutes) * 60 + second) * 1000 + millis;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            int digit = s[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = value * 10 + digit;
        }

        return true;
    }

    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's civil-from-days inverse).
    private static long DaysFromCivil(int year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yearOfEra = y - era * 400;
        long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }
}
