using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Tagwatch.Server.Metrics;
using Tagwatch.Server.Workers;

namespace Tagwatch.Server.Tests;

/// <summary>Every background worker waits on the server's clock for the interval its options give: moving the clock on
/// brings the next pass, and nothing else does.</summary>
public sealed class WorkerClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    // Intervals far longer than any test takes: within a test only its own moves of the clock bring a pass.
    private static readonly WorkerOptions Slow = new()
    {
        CheckpointEvery = TimeSpan.FromHours(1),
        MonitorTickEvery = TimeSpan.FromHours(1),
        CorrelationEvery = TimeSpan.FromHours(2),
        FixGridsEvery = TimeSpan.FromHours(3),
        FrameMaintenanceEvery = TimeSpan.FromHours(4),
        RetentionFirstAfter = TimeSpan.FromHours(5),
        RetentionEvery = TimeSpan.FromHours(48),
        MetricsRefreshEvery = TimeSpan.FromHours(6),
    };

    [Theory]
    [InlineData(nameof(CheckpointService))]
    [InlineData(nameof(CorrelationWorker))]
    [InlineData(nameof(FixGridService))]
    [InlineData(nameof(FrameMaintenanceService))]
    [InlineData(nameof(OperationalMetrics))]
    public async Task Worker_RunsAtStartAndAgainOnceItsIntervalHasPassedOnTheServersClock(string worker)
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await RunningServer.StartAsync(o => o with { Workers = Slow }, clock: clock);
        var (passes, every) = worker switch
        {
            nameof(CheckpointService) => (server.Worker<CheckpointService>().Passes, Slow.CheckpointEvery),
            nameof(CorrelationWorker) => (server.Worker<CorrelationWorker>().Passes, Slow.CorrelationEvery),
            nameof(FixGridService) => (server.Worker<FixGridService>().Passes, Slow.FixGridsEvery),
            nameof(FrameMaintenanceService) => (server.Worker<FrameMaintenanceService>().Passes, Slow.FrameMaintenanceEvery),
            _ => (server.Worker<OperationalMetrics>().Passes, Slow.MetricsRefreshEvery),
        };
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await passes.WaitForAsync(1, hangGuard.Token);

        clock.Advance(every);
        await passes.WaitForAsync(2, hangGuard.Token);

        Assert.Equal(2, passes.Finished);
    }

    [Fact]
    public async Task Retention_PurgesFirstAfterItsStartDelayAndThenAtItsIntervalOnTheServersClock()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await RunningServer.StartAsync(o => o with { Workers = Slow }, clock: clock);
        var passes = server.Worker<RetentionService>().Passes;
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Assert.Equal(0, passes.Finished); // not while the server is starting

        clock.Advance(Slow.RetentionFirstAfter);
        await passes.WaitForAsync(1, hangGuard.Token);
        clock.Advance(Slow.RetentionEvery);
        await passes.WaitForAsync(2, hangGuard.Token);

        Assert.Equal(2, passes.Finished);
    }

    [Fact]
    public void Validate_AnIntervalOfZero_IsNamed()
    {
        var options = new ServerOptions { Workers = new WorkerOptions { CorrelationEvery = TimeSpan.Zero } };

        Assert.Contains(options.Validate(), p => p.StartsWith("workers:correlation-every:", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_AreTheIntervalsALiveServerRunsAt()
    {
        var defaults = new WorkerOptions();

        Assert.Equal(
            [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), TimeSpan.FromHours(24), TimeSpan.FromSeconds(15)],
            [defaults.CheckpointEvery, defaults.MonitorTickEvery, defaults.CorrelationEvery, defaults.FixGridsEvery, defaults.FrameMaintenanceEvery, defaults.RetentionFirstAfter, defaults.RetentionEvery, defaults.MetricsRefreshEvery]);
        Assert.Empty(new ServerOptions().Validate());
    }

    [Fact]
    public void Workers_AreBoundFromTheServersConfigurationSection()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tagwatch:Server:Workers:CorrelationEvery"] = "00:05:00" })
            .Build();

        var options = configuration.GetSection("Tagwatch:Server").Get<ServerOptions>()!;

        Assert.Equal(TimeSpan.FromMinutes(5), options.Workers.CorrelationEvery);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Workers.CheckpointEvery);
    }
}
