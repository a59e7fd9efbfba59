using NodaTime;

namespace Tagwatch.Server.Api;

/// <summary>A page of a person's trail.</summary>
/// <param name="Reference">The person.</param>
/// <param name="Fixes">The page's fixes in time order.</param>
/// <param name="Next">When the page is full: ask again with <c>after</c> set to this; otherwise null.</param>
internal sealed record TrailResponse(string Reference, IReadOnlyList<TrailFixResponse> Fixes, Instant? Next);
