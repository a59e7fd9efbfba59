using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Maintenance;

namespace Tagwatch.Server.Health;

/// <summary>Ready when the database answers and the ingest queue is not backed up.</summary>
public sealed class StoreReadinessCheck(IStoreHealth store, IngestPipeline pipeline, IngestOptions options) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (await store.ProbeAsync(cancellationToken) is { } problem)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", problem);
        }

        int depth = pipeline.QueueDepth;
        return depth > options.QueueCapacity / 2
            ? HealthCheckResult.Degraded($"ingest queue at {depth} of {options.QueueCapacity}")
            : HealthCheckResult.Healthy($"ingest queue at {depth}");
    }
}
