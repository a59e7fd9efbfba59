using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tagwatch.Application.Maintenance;
using Tagwatch.Application.Monitoring;
using Tagwatch.Storage.Postgres.Coordination;

namespace Tagwatch.Storage.Postgres;

/// <summary>The stores on one PostgreSQL database, registered under the interfaces the application core declares.</summary>
public static class TagwatchPostgresServices
{
    /// <summary>
    /// Registers every store on <paramref name="database"/> (opened, and so migrated, by <see cref="PostgresDatabase.OpenAsync"/>):
    /// the EF Core stores SQLite uses too, and PostgreSQL's own fix store, ingest, audit log, retention and maintenance.
    /// </summary>
    public static IServiceCollection AddTagwatchPostgres(this IServiceCollection services, PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton<IRelationalDatabase>(database);
        services.AddTagwatchEfStores();
        services.AddSingleton<IWorkLeases, PostgresWorkLeases>();
        services.AddSingleton<ITagMonitoringLocks, PostgresTagLocks>();
        services.AddSingleton<IAlertFeed, PostgresAlertFeed>();
        return services;
    }
}
