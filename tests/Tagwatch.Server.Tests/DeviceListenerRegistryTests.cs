using Microsoft.Extensions.Configuration;
using Tagwatch.Protocols.Devices;
using Tagwatch.Server.Devices;

namespace Tagwatch.Server.Tests;

/// <summary>Every protocol the registry says is served has a listener: a port, a handler, a place in admission.</summary>
public sealed class DeviceListenerRegistryTests
{
    [Fact]
    public void EveryServedProtocol_ListensOnItsDefaultPortUnlessConfigured()
    {
        var options = new ServerOptions();

        foreach (var protocol in DeviceProtocols.Served)
        {
            Assert.Equal(protocol.DefaultPort, options.PortOf(protocol));
        }

        Assert.Equal(DeviceProtocols.Served.Select(p => p.Name).Order(), DeviceListeners.Ports(options).Keys.Order());
        Assert.Equal(0, options.PortOf(DeviceProtocols.Nmea));
    }

    [Fact]
    public void EveryServedProtocol_HasItsHandler()
    {
        var options = new ServerOptions();

        Assert.Equal(
            DeviceProtocols.Served.Where(p => p.Transport == DeviceTransport.Http).Select(p => p.Name).Order(),
            DeviceListeners.HttpEndpoints.Keys.Order());
        Assert.Equal(
            DeviceProtocols.Served.Where(p => p.Transport == DeviceTransport.TcpFramed).Select(p => p.Label).Order(),
            DeviceListeners.TcpPorts(options).Select(p => p.Protocol).Order());
        Assert.Equal(
            DeviceProtocols.Served.Where(p => p.Transport == DeviceTransport.Http).Select(p => p.DefaultPort).Order(),
            DeviceListeners.HttpPorts(options).Order());
    }

    [Fact]
    public void ExistingPortOptions_StillSetTheirProtocolsPorts()
    {
        var options = new ServerOptions { OsmAndPort = 6055, Gt06Port = 0, H02Port = 6013 };

        Assert.Equal(6055, options.PortOf(DeviceProtocols.OsmAnd));
        Assert.Equal(6013, options.PortOf(DeviceProtocols.H02));
        Assert.DoesNotContain(DeviceProtocols.Gt06.Name, DeviceListeners.Ports(options).Keys);
    }

    [Fact]
    public void DevicePortsOfProtocolsWithoutAnOption_AreValidated()
    {
        var options = new ServerOptions { H02Port = 6013, DevicePorts = new Dictionary<string, int> { ["h02"] = 7013 } };

        // A protocol with its own option keeps it; the map is for protocols added later.
        Assert.Equal(6013, options.PortOf(DeviceProtocols.H02));
        Assert.Contains("device ports must differ from each other", new ServerOptions { H02Port = 5023 }.Validate());
        Assert.Contains(new ServerOptions { Gt06Port = 70000 }.Validate(), p => p.StartsWith("gt06-port: 70000", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_BindsTheExistingPortKeysAndDevicePorts()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tagwatch:Server:Gt06Port"] = "6023",
            ["Tagwatch:Server:DevicePorts:tk103"] = "5002",
        }).Build();

        var options = configuration.GetSection("Tagwatch:Server").Get<ServerOptions>()!;

        Assert.Equal(6023, options.PortOf(DeviceProtocols.Gt06));
        Assert.Equal(5002, options.DevicePorts["tk103"]);
        Assert.Empty(options.Validate());
    }
}
