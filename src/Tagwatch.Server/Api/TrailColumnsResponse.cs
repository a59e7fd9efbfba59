using NodaTime;
using Tagwatch.Application.Trails;

namespace Tagwatch.Server.Api;

/// <summary>
/// A page of a person's trail in columns (<c>format=columns</c>), for drawing and playing a month of fixes in the
/// browser: the same page and the same audit as <c>format=json</c>, about a sixth of its size and parsed without one
/// object per fix. Times and coordinates are whole numbers, each the difference from the fix before (the first from
/// <see cref="OriginMs"/> and zero), so a trail of one-a-minute fixes is mostly short numbers. Speed and heading are
/// left out: the JSON page carries every field.
/// </summary>
/// <param name="Reference">The person.</param>
/// <param name="Count">How many fixes the page holds; every column has this many entries.</param>
/// <param name="OriginMs">Unix milliseconds the first time difference counts from.</param>
/// <param name="TimeMs">Each fix's time in milliseconds after the one before (the first after <see cref="OriginMs"/>).</param>
/// <param name="LatitudeE7">Each fix's latitude in 1e-7 degree, as the difference from the one before (the first from 0).</param>
/// <param name="LongitudeE7">Each fix's longitude in 1e-7 degree, as the difference from the one before (the first from 0).</param>
/// <param name="AccuracyDm">Each fix's accuracy radius in decimetres, or null when unknown.</param>
/// <param name="Flag">Each fix's quality flags, as an index into <see cref="FlagNames"/>.</param>
/// <param name="FlagNames">The distinct quality flag sets of the page (<c>None</c> when clean).</param>
/// <param name="Tag">Each fix's tag, as an index into <see cref="Tags"/>.</param>
/// <param name="Tags">The tags that reported the page's fixes.</param>
/// <param name="Next">When the page is full: ask again with <c>after</c> set to this; otherwise null.</param>
internal sealed record TrailColumnsResponse(
    string Reference, int Count, long OriginMs, long[] TimeMs, int[] LatitudeE7, int[] LongitudeE7, int?[] AccuracyDm,
    int[] Flag, IReadOnlyList<string> FlagNames, int[] Tag, IReadOnlyList<string> Tags, Instant? Next)
{
    public static TrailColumnsResponse Of(ReadTrailResult trail)
    {
        var fixes = trail.Fixes;
        int count = fixes.Count;
        long origin = count > 0 ? fixes[0].Fix.TimeUnixMs : 0;
        var time = new long[count];
        var latitude = new int[count];
        var longitude = new int[count];
        var accuracy = new int?[count];
        var flag = new int[count];
        var tag = new int[count];
        var flagNames = new Indexer<Core.Fixes.FixFlags>();
        var tags = new Indexer<string>();
        long previousTime = origin;
        int previousLatitude = 0, previousLongitude = 0;
        for (int i = 0; i < count; i++)
        {
            var fix = fixes[i].Fix;
            time[i] = fix.TimeUnixMs - previousTime;
            latitude[i] = fix.LatitudeE7 - previousLatitude;
            longitude[i] = fix.LongitudeE7 - previousLongitude;
            (previousTime, previousLatitude, previousLongitude) = (fix.TimeUnixMs, fix.LatitudeE7, fix.LongitudeE7);
            accuracy[i] = fix.AccuracyMetres is null ? null : fix.AccuracyDecimetres;
            flag[i] = flagNames.IndexOf(fix.Flags);
            tag[i] = tags.IndexOf(fixes[i].Tag.Value);
        }

        return new TrailColumnsResponse(trail.Reference.ToString(), count, origin, time, latitude, longitude, accuracy,
            flag, [.. flagNames.Values.Select(f => f.ToString())], tag, tags.Values, trail.Next);
    }

    /// <summary>Numbers distinct values in the order first seen.</summary>
    private sealed class Indexer<T>
        where T : notnull
    {
        private readonly Dictionary<T, int> indexes = [];

        public List<T> Values { get; } = [];

        public int IndexOf(T value)
        {
            if (!indexes.TryGetValue(value, out int index))
            {
                index = Values.Count;
                indexes.Add(value, index);
                Values.Add(value);
            }

            return index;
        }
    }
}
