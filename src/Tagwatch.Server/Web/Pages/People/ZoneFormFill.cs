using System.Globalization;
using System.Text.RegularExpressions;
using Tagwatch.Core.Conditions;

namespace Tagwatch.Server.Web.Pages.People;

/// <summary>The zone form filled with a condition in force, to change it: the area as it was entered (a circle, or a
/// polygon's corners one "latitude, longitude" a line), its buffer, schedule and name.</summary>
internal static partial class ZoneFormFill
{
    public static ShowModel.ZoneForm Of(LicenceCondition condition)
    {
        var (entered, buffer) = ZoneArea.EnteredAndBuffer(condition.Area.Description);
        var form = new ShowModel.ZoneForm
        {
            ChangeId = condition.Id,
            Kind = condition.Kind.ToString().ToLowerInvariant(),
            Label = condition.Label,
            Buffer = buffer.ToString("0.#", CultureInfo.InvariantCulture),
            Schedule = condition.Schedule.Text,
            Radius = null,
        };
        if (ZoneArea.CircleOf(entered) is var (centre, radius))
        {
            (form.Shape, form.Latitude, form.Longitude, form.Radius) = ("circle", Text(centre.Latitude), Text(centre.Longitude), Text(radius));
        }
        else if (OneRing().Match(entered) is { Success: true } ring)
        {
            // WKT lists "longitude latitude", closing on the first corner; the form lists "latitude, longitude", open.
            var corners = ring.Groups["ring"].Value.Split(',', StringSplitOptions.TrimEntries)
                .Select(pair => pair.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(pair => pair.Length == 2)
                .Select(pair => $"{pair[1]}, {pair[0]}")
                .ToList();
            if (corners.Count > 3 && corners[0] == corners[^1])
            {
                corners.RemoveAt(corners.Count - 1);
            }

            (form.Shape, form.Polygon) = ("polygon", string.Join('\n', corners));
        }
        else
        {
            // A multi-part or GeoJSON area given through the API: drawn on the map, replaced by drawing anew.
            form.Shape = "polygon";
        }

        return form;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^POLYGON\s*\(\((?<ring>[^()]*)\)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex OneRing();
}
