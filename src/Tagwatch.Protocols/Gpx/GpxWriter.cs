using System.Globalization;
using System.Xml;
using NodaTime.Text;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Protocols.Gpx;

/// <summary>Writes one tag's fixes as a GPX 1.1 track (one segment), which <see cref="GpxReader"/> reads back.</summary>
public static class GpxWriter
{
    private const string Namespace = "http://www.topografix.com/GPX/1/1";

    /// <summary>Writes the fixes (in the order given) to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, TagId tag, IEnumerable<Fix> fixes)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("gpx", Namespace);
        xml.WriteAttributeString("version", "1.1");
        xml.WriteAttributeString("creator", "Tagwatch");
        xml.WriteStartElement("trk", Namespace);
        xml.WriteElementString("name", Namespace, tag.Value);
        xml.WriteStartElement("trkseg", Namespace);
        foreach (var fix in fixes)
        {
            xml.WriteStartElement("trkpt", Namespace);
            xml.WriteAttributeString("lat", fix.Latitude.ToString("0.0000000", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("lon", fix.Longitude.ToString("0.0000000", CultureInfo.InvariantCulture));
            xml.WriteElementString("time", Namespace, InstantPattern.ExtendedIso.Format(fix.Time));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}
