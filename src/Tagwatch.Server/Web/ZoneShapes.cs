using System.Text.Json;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;
using Tagwatch.Application.Conditions;

namespace Tagwatch.Server.Web;

/// <summary>
/// Conditions as shapes for the map script: a circle (centre and radius) or a GeoJSON geometry, from the area's
/// description (<c>circle LAT LON RADIUS</c> or WKT with longitude first), with the kind, label and id for the legend.
/// A buffered circle is drawn with its buffer (the radius enforced); a buffered polygon as entered, its buffer named.
/// </summary>
internal static class ZoneShapes
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static string Json(IEnumerable<PersonCondition> conditions) =>
        JsonSerializer.Serialize(conditions.Select(Shape).ToList());

    private static object Shape(PersonCondition c)
    {
        var (description, buffer) = Core.Conditions.ZoneArea.EnteredAndBuffer(c.Condition.Area.Description);
        object? circle = null;
        JsonElement? geometry = null;
        if (Core.Conditions.ZoneArea.CircleOf(description) is var (centre, radius))
        {
            circle = new { lat = centre.Latitude, lon = centre.Longitude, radius = radius + buffer };
        }
        else
        {
            var shape = new WKTReader().Read(description);
            geometry = JsonSerializer.SerializeToElement(shape, GeoJson);
        }

        return new { id = c.Condition.Id, kind = c.Condition.Kind.ToString().ToLowerInvariant(), label = c.Condition.Label, buffer, circle, geometry };
    }
}
