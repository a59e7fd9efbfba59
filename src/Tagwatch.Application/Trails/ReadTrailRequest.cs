using NodaTime;

namespace Tagwatch.Application.Trails;

/// <summary>What a user asks of a person's trail.</summary>
/// <param name="Reference">The person's reference as typed (checked here, so an unknown one answers as not found).</param>
/// <param name="From">Start of the window.</param>
/// <param name="To">End of the window (after <paramref name="From"/>).</param>
/// <param name="Format">A page to look at, or an export.</param>
/// <param name="Purpose">The stated purpose; police must give one of at least 10 characters. Recorded.</param>
/// <param name="Latitude">The area's centre latitude (police must give an area).</param>
/// <param name="Longitude">The area's centre longitude.</param>
/// <param name="RadiusMetres">The area's radius in metres (police: at most <see cref="Core.Access.AccessPolicy.PoliceTrailRadiusMetres"/>).</param>
/// <param name="After">For a page: only fixes after this instant (the previous page's <c>Next</c>).</param>
/// <param name="Limit">For a page: at most this many fixes (1 to <see cref="ReadTrail.MaxPage"/>, default 1,000).</param>
public sealed record ReadTrailRequest(
    string Reference,
    Instant From,
    Instant To,
    TrailFormat Format = TrailFormat.Json,
    string? Purpose = null,
    double? Latitude = null,
    double? Longitude = null,
    double? RadiusMetres = null,
    Instant? After = null,
    int? Limit = null);
