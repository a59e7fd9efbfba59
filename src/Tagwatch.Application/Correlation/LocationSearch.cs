using NodaTime;
using Tagwatch.Core.Geo;

namespace Tagwatch.Application.Correlation;

/// <summary>A recorded "who was near this place at this time" search: who asked, why, and what for.</summary>
public sealed record LocationSearch(Guid Id, Instant At, string RequestedBy, string Purpose, GeoPoint Point, double RadiusMetres, Instant From, Instant To, int? Results);
