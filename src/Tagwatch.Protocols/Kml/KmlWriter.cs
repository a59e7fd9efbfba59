using System.Globalization;
using System.Xml;
using NodaTime.Text;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Protocols.Kml;

/// <summary>
/// Writes one tag's fixes as KML 2.2 for Google Earth and GIS tools: a time-stamped track (<c>gx:Track</c>, so the
/// tool can play it back) and the same fixes as a line for tools that ignore the extension.
/// </summary>
public static class KmlWriter
{
    private const string Namespace = "http://www.opengis.net/kml/2.2";
    private const string Extensions = "http://www.google.com/kml/ext/2.2";

    /// <summary>Writes the fixes (in the order given) to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, TagId tag, IEnumerable<Fix> fixes)
    {
        var list = fixes as IReadOnlyList<Fix> ?? fixes.ToList();
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("kml", Namespace);
        xml.WriteAttributeString("xmlns", "gx", null, Extensions);
        xml.WriteStartElement("Document", Namespace);
        xml.WriteElementString("name", Namespace, tag.Value);

        xml.WriteStartElement("Placemark", Namespace);
        xml.WriteElementString("name", Namespace, $"{tag.Value} track");
        xml.WriteStartElement("Track", Extensions);
        foreach (var fix in list)
        {
            xml.WriteElementString("when", Namespace, InstantPattern.ExtendedIso.Format(fix.Time));
        }

        foreach (var fix in list)
        {
            // gx:coord is "longitude latitude altitude", space-separated.
            xml.WriteElementString("coord", Extensions, string.Create(CultureInfo.InvariantCulture, $"{fix.Longitude:0.0000000} {fix.Latitude:0.0000000} 0"));
        }

        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("Placemark", Namespace);
        xml.WriteElementString("name", Namespace, $"{tag.Value} path");
        xml.WriteStartElement("LineString", Namespace);
        xml.WriteElementString("tessellate", Namespace, "1");
        xml.WriteElementString("coordinates", Namespace, string.Join(' ', list.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Longitude:0.0000000},{f.Latitude:0.0000000}"))));
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}
