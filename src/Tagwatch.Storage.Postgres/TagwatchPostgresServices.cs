using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Retention;
using Tagwatch.Storage.Postgres.Retention;
using Tagwatch.Application.Ingest;
using Tagwatch.Storage.Postgres.Ingest;
using Tagwatch.Application.Maintenance;
using Tagwatch.Storage.Accounts;
using Tagwatch.Storage.Postgres.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Tagwatch.Storage.Postgres.Audit;
using Tagwatch.Storage.Postgres.Fixes;
using Tagwatch.Application.Monitoring;
using Tagwatch.Storage.Postgres.Coordination;

namespace Tagwatch.Storage.Postgres;

/// <summary>The stores on one PostgreSQL database, registered under the interfaces the application core declares.</summary>
public static class TagwatchPostgresServices
{
    /// <summary>
    /// Registers every store on <paramref name="database"/> (opened, and so migrated, by <see cref="PostgresDatabase.OpenAsync(string, CancellationToken)"/>):
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
        TagwatchSqliteServices.Store<IFixStore, PostgresFixStore>(services);
        TagwatchSqliteServices.Store<IFixGrids, PostgresFixGrids>(services);
        services.AddSingleton<IFixGridMaintenance>(sp => sp.GetRequiredService<PostgresFixGrids>());
        TagwatchSqliteServices.Store<IIngestStore, PostgresIngestStore>(services);
        TagwatchSqliteServices.Store<IAuditLog, PostgresAuditLog>(services);
        TagwatchSqliteServices.Store<IRetentionStore, PostgresRetentionStore>(services);
        TagwatchSqliteServices.Store<IStoreMaintenance, PostgresStoreMaintenance>(services);
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<PostgresStoreMaintenance>());
        services.AddTagwatchIdentity(database, keys => keys.AddKeyManagementOptions(o => o.XmlRepository = new PostgresKeyRing(database)));
        services.AddSingleton<IWorkLeases, PostgresWorkLeases>();
        services.AddSingleton<ITagMonitoringLocks, PostgresTagLocks>();
        services.AddSingleton<IAlertFeed, PostgresAlertFeed>();
        return services;
    }
}
