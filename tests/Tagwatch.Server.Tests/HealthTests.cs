using System.Net;

namespace Tagwatch.Server.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task LiveAndReady_AnswerHealthy()
    {
        await using var server = await RunningServer.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await server.Api.GetAsync("/health/live")).StatusCode);
        Assert.Equal("Healthy", await server.Api.GetStringAsync("/health/ready"));
    }

    [Fact]
    public void Build_InvalidOptions_ListsEveryProblem()
    {
        var options = new ServerOptions { Urls = "ftp://x", Gt06Port = 70000, OsmAndPort = 5000, H02Port = 5000, H02BinaryLength = 33 };

        var problems = options.Validate();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("urls:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("gt06-port:", StringComparison.Ordinal));
    }
}
