using NodaTime;
using Tagwatch.Core.Identity;

namespace Tagwatch.Core.Tags;

/// <summary>A tag worn by a person over a period; <see cref="To"/> is null while it is still worn.</summary>
public sealed record TagAssignment(TagId Tag, OffenderId Offender, Instant From, Instant? To)
{
    /// <summary>True when the tag was worn by the person at <paramref name="instant"/>.</summary>
    public bool Covers(Instant instant) => instant >= From && (To is null || instant < To);
}
