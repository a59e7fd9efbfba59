using System.Xml.Linq;
using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Kml;

namespace Tagwatch.Protocols.Tests.Kml;

public sealed class KmlWriterTests
{
    private static readonly XNamespace Kml = "http://www.opengis.net/kml/2.2";
    private static readonly XNamespace Gx = "http://www.google.com/kml/ext/2.2";

    [Fact]
    public void Write_TwoFixes_GivesATimedTrackAndALineWithLongitudeFirst()
    {
        var start = Instant.FromUtc(2026, 3, 1, 12, 0);
        Fix[] fixes =
        [
            Fix.Create(start, start, new GeoPoint(51.4613, -0.1156)),
            Fix.Create(start + Duration.FromMinutes(1), start, new GeoPoint(51.4620, -0.1160)),
        ];
        using var text = new StringWriter();

        KmlWriter.Write(text, TagId.Parse("TAG-1"), fixes);

        var document = XDocument.Parse(text.ToString());
        var track = document.Descendants(Gx + "Track").Single();
        Assert.Equal(["2026-03-01T12:00:00Z", "2026-03-01T12:01:00Z"], track.Elements(Kml + "when").Select(w => w.Value));
        Assert.Equal("-0.1156000 51.4613000 0", track.Elements(Gx + "coord").First().Value);
        Assert.Equal("-0.1156000,51.4613000 -0.1160000,51.4620000", document.Descendants(Kml + "coordinates").Single().Value);
    }

    [Fact]
    public void Write_NoFixes_GivesAValidEmptyDocument()
    {
        using var text = new StringWriter();

        KmlWriter.Write(text, TagId.Parse("TAG-1"), []);

        var document = XDocument.Parse(text.ToString());
        Assert.Empty(document.Descendants(Kml + "when"));
    }
}
