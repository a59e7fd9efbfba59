using NodaTime;

namespace Tagwatch.Application.Correlation;

/// <summary>"Who was within <paramref name="RadiusMetres"/> of this place between <paramref name="From"/> and <paramref name="To"/>", and why that is necessary.</summary>
/// <param name="Latitude">The place's latitude (WGS84).</param>
/// <param name="Longitude">The place's longitude (WGS84).</param>
/// <param name="RadiusMetres">More than 0 and at most <see cref="NearQuery.MaxRadiusMetres"/> (police: <see cref="Core.Access.AccessPolicy.PoliceTrailRadiusMetres"/>).</param>
/// <param name="From">Start of the time range.</param>
/// <param name="To">End of the time range: at most <see cref="NearQuery.MaxRange"/> after <paramref name="From"/> (police: a day).</param>
/// <param name="Purpose">Why the search is necessary: at least <see cref="NearQuery.MinPurposeLength"/> characters, recorded with it.</param>
public sealed record SearchNearRequest(double Latitude, double Longitude, double RadiusMetres, Instant From, Instant To, string? Purpose);
