using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tagwatch.Application.Ingest;
using Tagwatch.Storage;

namespace Tagwatch.Server.Health;

/// <summary>Ready when the database answers and the ingest queue is not backed up.</summary>
public sealed class StoreReadinessCheck(TagwatchDatabase database, IngestPipeline pipeline, IngestOptions options) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", ex);
        }

        int depth = pipeline.QueueDepth;
        return depth > options.QueueCapacity / 2
            ? HealthCheckResult.Degraded($"ingest queue at {depth} of {options.QueueCapacity}")
            : HealthCheckResult.Healthy($"ingest queue at {depth}");
    }
}
