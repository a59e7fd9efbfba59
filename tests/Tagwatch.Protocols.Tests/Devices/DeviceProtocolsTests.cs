using NodaTime;
using Tagwatch.Protocols.Devices;

namespace Tagwatch.Protocols.Tests.Devices;

public sealed class DeviceProtocolsTests
{
    // One real capture per registered protocol: a protocol added to the registry without one fails
    // EveryProtocol_DecodesItsSampleCapture, so every entry is shown to decode through the registry alone.
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["gt06"] = "78783c340000000011061809130c0903107d2408488a5800144c00000000000001940b00b1000047ff000000000500018f42210000000100050003010b69450d0a",
        ["h02"] = "*HQ,865205030330012,V1,145452,A,2240.55181,N,11358.32389,E,0.00,0,100815,FFFFFBFF#",
        ["osmand"] = "GET /?id=42&lat=51.5&lon=-0.1&timestamp=1700000000&speed=10 HTTP/1.1",
        ["nmea"] = "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A",
    };

    public static TheoryData<string> Names() => [.. DeviceProtocols.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryProtocol_DecodesItsSampleCapture(string name)
    {
        Assert.True(Samples.TryGetValue(name, out string? sample), $"{name} has no sample capture in this test");

        var results = new CapturedPayloadDecoder(name).Decode(sample, Instant.FromUtc(2026, 12, 1, 0, 0));

        var message = Assert.Single(results).Message;
        Assert.NotNull(message);
        Assert.Equal(name, message.Protocol);
        Assert.NotEmpty(message.Positions);
    }

    [Fact]
    public void CapturedPayloadDecoder_ReadsEveryRegisteredProtocolAndNoOther()
    {
        Assert.Equal(DeviceProtocols.All.Select(p => p.Name), CapturedPayloadDecoder.Protocols);
        Assert.Throws<ArgumentException>(() => new CapturedPayloadDecoder("tk103"));
    }

    [Fact]
    public void Names_AreUniqueLowerCaseAndFoundInAnyCase()
    {
        Assert.Equal(DeviceProtocols.All.Count, DeviceProtocols.All.Select(p => p.Name).Distinct().Count());
        foreach (var protocol in DeviceProtocols.All)
        {
            Assert.Equal(protocol.Name.ToLowerInvariant(), protocol.Name);
            Assert.Same(protocol, DeviceProtocols.Find(protocol.Label.ToUpperInvariant()));
        }

        Assert.Null(DeviceProtocols.Find("tk103"));
        Assert.Null(DeviceProtocols.Find(null));
    }

    [Fact]
    public void ServedProtocols_HaveDistinctDefaultPortsAndFramedOnesAFramerAndDecoder()
    {
        var served = DeviceProtocols.Served.ToList();
        Assert.All(served, p => Assert.InRange(p.DefaultPort, 1, 65535));
        Assert.Equal(served.Count, served.Select(p => p.DefaultPort).Distinct().Count());
        Assert.All(DeviceProtocols.All.Where(p => !p.IsServed), p => Assert.Equal(0, p.DefaultPort));
        foreach (var framed in served.Where(p => p.Transport == DeviceTransport.TcpFramed))
        {
            Assert.NotNull(framed.CreateFramer);
            Assert.NotNull(framed.CreateDecoder);
        }
    }

    [Theory]
    [InlineData("gt06", "863586038760942", true)]
    [InlineData("h02", "4209917484", true)]
    [InlineData("gt06", "1234", false)]
    [InlineData("h02", "ABC12345", false)]
    [InlineData("osmand", "phone-7", true)]
    public void IsDeviceId_FollowsEachProtocolsIdentifierSyntax(string name, string id, bool wellFormed)
    {
        Assert.Equal(wellFormed, DeviceProtocols.Find(name)!.IsDeviceId(id));
    }
}
