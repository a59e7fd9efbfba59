using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Maintenance;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Notifications;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Reports;
using Tagwatch.Application.Retention;
using Tagwatch.Application.Tags;
using Tagwatch.Storage.Accounts;
using Tagwatch.Storage.Audit;
using Tagwatch.Storage.Coordination;
using Tagwatch.Storage.Correlation;
using Tagwatch.Storage.Crimes;
using Tagwatch.Storage.Fixes;
using Tagwatch.Storage.Ingest;
using Tagwatch.Storage.Monitoring;
using Tagwatch.Storage.Notifications;
using Tagwatch.Storage.Offenders;
using Tagwatch.Storage.Reports;
using Tagwatch.Storage.Retention;
using Tagwatch.Storage.Tags;

namespace Tagwatch.Storage;

/// <summary>The stores on one SQLite database, registered under the interfaces the application core declares.</summary>
public static class TagwatchSqliteServices
{
    /// <summary>
    /// Registers every store on <paramref name="database"/> (opened, and so migrated, by <see cref="TagwatchDatabase.OpenAsync"/>),
    /// accounts on ASP.NET Core Identity over the same file, and the key ring beside it.
    /// </summary>
    public static IServiceCollection AddTagwatchSqlite(this IServiceCollection services, TagwatchDatabase database)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton<IRelationalDatabase>(database);
        services.AddTagwatchEfStores();
        Store<IFixStore, SqliteFixStore>(services);
        Store<IFixGrids, SqliteFixGrids>(services);
        Store<IIngestStore, SqliteIngestStore>(services);
        Store<IAuditLog, SqliteAuditLog>(services);
        Store<IRetentionStore, SqliteRetentionStore>(services);
        services.AddSingleton<IFixGridMaintenance>(sp => sp.GetRequiredService<SqliteFixGrids>());
        Store<IStoreMaintenance, SqliteStoreMaintenance>(services);
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<SqliteStoreMaintenance>());
        services.AddSingleton<IWorkLeases, OneProcessWorkLeases>();
        services.AddSingleton<ITagMonitoringLocks, OneProcessTagLocks>();
        services.AddSingleton<IAlertFeed>(sp => sp.GetRequiredService<AlertFeed>());
        services.AddTagwatchIdentity(database);
        return services;
    }

    /// <summary>
    /// Registers the stores that only use EF Core (one implementation for SQLite and PostgreSQL) and accounts on
    /// ASP.NET Core Identity, on the <see cref="IRelationalDatabase"/> already registered. The caller adds the stores
    /// each database does its own way (fixes, grids, ingest, audit, retention, maintenance) and Identity's key ring.
    /// </summary>
    public static IServiceCollection AddTagwatchEfStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Store<ITagDirectory, EfTagDirectory>(services);
        Store<IDeviceCredentialStore, EfDeviceCredentialStore>(services);
        Store<ICrimeStore, EfCrimeStore>(services);
        Store<IOffenderStore, EfOffenderStore>(services);
        Store<ICorrelationStore, EfCorrelationStore>(services);
        Store<IPendingCorrelationStore, EfPendingCorrelationStore>(services);
        Store<IPendingMonitoringStore, EfPendingMonitoringStore>(services);
        Store<ILocationSearchLog, EfLocationSearchLog>(services);
        Store<IConditionStore, EfConditionStore>(services);
        Store<IAlertStore, EfAlertStore>(services);
        Store<IAlertCounts, EfAlertCounts>(services);
        Store<INotificationStore, EfNotificationStore>(services);
        Store<ICaseloadSubscriptions, EfCaseloadSubscriptions>(services);
        Store<IUserAccounts, UserAccounts>(services);
        services.AddSingleton<IApiTokens>(sp => sp.GetRequiredService<UserAccounts>());
        services.AddSingleton<IAccountSignIn>(sp => sp.GetRequiredService<UserAccounts>());
        Store<IAccountChanges, UserAccountChanges>(services);
        return services;
    }

    /// <summary>Registers <typeparamref name="TStore"/> once, serving both <typeparamref name="TInterface"/> and (until
    /// every caller takes the interface) its own type.</summary>
    public static void Store<TInterface, TStore>(IServiceCollection services)
        where TInterface : class
        where TStore : class, TInterface
    {
        services.AddSingleton<TStore>();
        services.AddSingleton<TInterface>(sp => sp.GetRequiredService<TStore>());
    }
}
