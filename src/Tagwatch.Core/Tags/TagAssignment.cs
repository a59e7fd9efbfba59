using NodaTime;
using Tagwatch.Core.Identity;

namespace Tagwatch.Core.Tags;

/// <summary>A tag worn by a person over a period; <see cref="To"/> is null while it is still worn.</summary>
public sealed record TagAssignment(TagId Tag, OffenderId Offender, Instant From, Instant? To)
{
    /// <summary>True when the tag was worn by the person at <paramref name="instant"/>.</summary>
    public bool Covers(Instant instant) => instant >= From && (To is null || instant < To);

    /// <summary>The part of this wearing period inside <paramref name="period"/>, or null when they do not overlap.</summary>
    /// <remarks>Used to keep a tag's fixes the wearer's only while the wearer is monitored: a tag still strapped on (or
    /// not yet taken back) after monitoring ended reports device data that is nobody's.</remarks>
    public TagAssignment? Within(Interval period)
    {
        var from = period.HasStart ? Instant.Max(From, period.Start) : From;
        var to = period.HasEnd ? (To is { } until ? Instant.Min(until, period.End) : period.End) : To;
        return to is null || to > from ? this with { From = from, To = to } : null;
    }
}
