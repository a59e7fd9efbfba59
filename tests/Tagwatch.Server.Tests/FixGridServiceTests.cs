using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;

namespace Tagwatch.Server.Tests;

public sealed class FixGridServiceTests
{
    [Fact]
    public async Task Server_BuildsTheDayGridsOfStoredFixes_SoStrictRunsOnlyRead()
    {
        var start = Instant.FromUtc(2019, 2, 18, 23, 0); // two UTC days
        var fixes = Enumerable.Range(0, 120).Select(i => Fix.Create(start.Plus(Duration.FromMinutes(i)), start, new GeoPoint(51.46 + (i * 1e-5), -0.11), 8)).ToList();
        await using var server = await RunningServer.StartAsync(beforeStart: services =>
            services.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagId.Parse(RunningServer.Gt06Imei)] = fixes }));
        string folder = server.Services.FixGrids.Folder;

        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(20);
        while ((!Directory.Exists(folder) || Directory.GetFiles(folder, "*.grid").Length < 2) && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(2, Directory.GetFiles(folder, "*.grid").Length);
        Assert.Equal(0, await server.Services.FixGrids.RefreshAsync()); // nothing left to build
    }
}
