using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Server.Workers;

namespace Tagwatch.Server.Tests;

public sealed class FixGridServiceTests
{
    private static readonly DateTimeOffset Today = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Server_BuildsTheDayGridsOfStoredFixes_SoStrictRunsOnlyRead()
    {
        var fixes = TwoUtcDaysOfFixes(Instant.FromUtc(2019, 2, 18, 23, 0));
        await using var server = await RunningServer.StartAsync(beforeStart: services => services.Fixes.AppendAsync(fixes));
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        await server.Worker<FixGridService>().Passes.WaitForAsync(1, hangGuard.Token); // the pass at start

        Assert.Equal(2, Directory.GetFiles(((Storage.Fixes.SqliteFixGrids)server.Services.FixGrids).Folder, "*.grid").Length);
        Assert.Equal(0, await ((Storage.Fixes.SqliteFixGrids)server.Services.FixGrids).RefreshAsync()); // nothing left to build
    }

    [Fact]
    public async Task FixesStoredWhileRunning_AreGriddedWhenTheConfiguredIntervalHasPassedOnTheServersClock()
    {
        var clock = new FakeTimeProvider(Today);
        await using var server = await RunningServer.StartAsync(o => o with { Workers = o.Workers with { FixGridsEvery = TimeSpan.FromMinutes(3) } }, clock: clock);
        var worker = server.Worker<FixGridService>();
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await worker.Passes.WaitForAsync(1, hangGuard.Token); // the pass at start found nothing
        await server.Services.Fixes.AppendAsync(TwoUtcDaysOfFixes(Instant.FromDateTimeOffset(Today) - Duration.FromHours(37)));

        clock.Advance(TimeSpan.FromMinutes(3));
        await worker.Passes.WaitForAsync(2, hangGuard.Token);

        Assert.Equal(2, Directory.GetFiles(((Storage.Fixes.SqliteFixGrids)server.Services.FixGrids).Folder, "*.grid").Length);
    }

    /// <summary>Two hours of fixes from <paramref name="start"/> (an hour before midnight UTC): two UTC days.</summary>
    private static Dictionary<TagId, List<Fix>> TwoUtcDaysOfFixes(Instant start) => new()
    {
        [TagId.Parse(RunningServer.Gt06Imei)] = [.. Enumerable.Range(0, 120).Select(i => Fix.Create(start.Plus(Duration.FromMinutes(i)), start, new GeoPoint(51.46 + (i * 1e-5), -0.11), 8))],
    };
}
