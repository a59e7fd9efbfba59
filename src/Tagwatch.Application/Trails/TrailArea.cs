using Tagwatch.Core.Geo;

namespace Tagwatch.Application.Trails;

/// <summary>A circle a trail is limited to: the area a police user must name.</summary>
/// <param name="Centre">The circle's centre.</param>
/// <param name="RadiusMetres">Its radius in metres.</param>
public readonly record struct TrailArea(GeoPoint Centre, double RadiusMetres);
