namespace Tagwatch.Server;

/// <summary>
/// How often the background workers run (section <c>Workers</c> of <c>Tagwatch:Server</c>, e.g.
/// <c>Tagwatch:Server:Workers:CorrelationEvery=00:05:00</c>). Each waits on the server's clock, so a test drives the
/// workers by moving that clock on. The defaults suit a live server.
/// </summary>
public sealed record WorkerOptions
{
    /// <summary>Write-ahead log checkpoints from their own connection, so no device's commit pays for one.</summary>
    public TimeSpan CheckpointEvery { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Licence monitoring's silence and curfew start checks (fixes are evaluated as they are committed).</summary>
    public TimeSpan MonitorTickEvery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Monitoring still to do that has waited this long since its fixes arrived is taken as left behind (the
    /// node that stored them died or kept failing) and done by the node running the monitoring sweep.</summary>
    public TimeSpan MonitorLeftBehindAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Correlation of the crimes and fixes waiting in the durable queue (also run once at start).</summary>
    public TimeSpan CorrelationEvery { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Building the day grids that changed, for strict correlation (also run once at start).</summary>
    public TimeSpan FixGridsEvery { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Packing raw frames of finished days into compressed blocks (also run once at start).</summary>
    public TimeSpan FrameMaintenanceEvery { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The first retention purge waits this long after start, so start-up (migrations, demo seeding,
    /// listeners) finishes first.</summary>
    public TimeSpan RetentionFirstAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Retention purges after the first.</summary>
    public TimeSpan RetentionEvery { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Reading the store-backed metrics, so a scrape never touches the database.</summary>
    public TimeSpan MetricsRefreshEvery { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>With several nodes on one database: how often a node that does not hold a singleton worker's lease asks
    /// for it again, so it takes the work over within seconds of the holder dying.</summary>
    public TimeSpan LeaseRetryEvery { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Checks the options, naming every problem.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var (name, period) in new[]
        {
            ("checkpoint-every", CheckpointEvery), ("monitor-tick-every", MonitorTickEvery), ("correlation-every", CorrelationEvery),
            ("fix-grids-every", FixGridsEvery), ("frame-maintenance-every", FrameMaintenanceEvery), ("retention-every", RetentionEvery),
            ("metrics-refresh-every", MetricsRefreshEvery), ("lease-retry-every", LeaseRetryEvery),
        })
        {
            // PeriodicTimer takes whole milliseconds up to 2^32 - 2.
            if (period < TimeSpan.FromMilliseconds(1) || period > TimeSpan.FromMilliseconds(uint.MaxValue - 1))
            {
                problems.Add($"workers:{name}: {period} must be at least a millisecond and under 49 days");
            }
        }

        if (MonitorLeftBehindAfter <= TimeSpan.Zero)
        {
            problems.Add($"workers:monitor-left-behind-after: {MonitorLeftBehindAfter} must be more than zero");
        }

        if (RetentionFirstAfter < TimeSpan.Zero || RetentionFirstAfter > TimeSpan.FromMilliseconds(uint.MaxValue - 1))
        {
            problems.Add($"workers:retention-first-after: {RetentionFirstAfter} must be zero or more and under 49 days");
        }

        return problems;
    }
}
