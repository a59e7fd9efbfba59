using NodaTime;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Trails;

/// <summary>The fixes of a person's trail the actor may see.</summary>
/// <param name="Reference">The person.</param>
/// <param name="From">Start of the window read.</param>
/// <param name="Format">The format asked for.</param>
/// <param name="Fixes">For a page, the page; for an export, every fix in the window (and area), in time order.</param>
/// <param name="Next">For a full page, the instant to ask the next page after; otherwise null.</param>
public sealed record ReadTrailResult(OffenderReference Reference, Instant From, TrailFormat Format, IReadOnlyList<TrailFix> Fixes, Instant? Next);
