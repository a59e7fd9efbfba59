using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Conditions;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Imports;
using Tagwatch.Application.Matches;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Notifications;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Reports;
using Tagwatch.Application.Retention;
using Tagwatch.Application.Tags;
using Tagwatch.Application.Trails;
using Tagwatch.Core.Boroughs;

namespace Tagwatch.Application;

/// <summary>The composition of the application core: every use case, built on the store interfaces a storage
/// registration (<c>AddTagwatchSqlite</c>) provides. The server, the console and the tests all compose through it.</summary>
public static class TagwatchApplicationServices
{
    /// <summary>
    /// Registers the use cases as singletons. Settings a host may register first, else the defaults: the
    /// <see cref="TimeProvider"/> (the system clock), <see cref="FixQualityRules"/>, <see cref="MonitoringOptions"/>,
    /// <see cref="RetentionPolicy"/>, <see cref="AccountApprovalOptions"/>, loggers (none).
    /// </summary>
    public static IServiceCollection AddTagwatchApplication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new FixQualityRules());
        services.TryAddSingleton(new MonitoringOptions());
        services.TryAddSingleton(new RetentionPolicy());
        services.TryAddSingleton(new AccountApprovalOptions());
        services.TryAddSingleton(BoroughMap.London);
        services.TryAddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.TryAddSingleton(sp => sp.GetRequiredService<FixQualityRules>().Accuracy);

        services.TryAddSingleton<OffenderService>();
        services.TryAddSingleton<FixImporter>();
        services.TryAddSingleton<CrimeImporter>();
        services.TryAddSingleton(sp => new TrailLoader(sp.GetRequiredService<IFixStore>(), sp.GetRequiredService<ITagDirectory>(), sp.GetRequiredService<AccuracyEstimator>()));
        services.TryAddSingleton<StrictCorrelation>();
        services.TryAddSingleton<ScoredCorrelation>();
        services.TryAddSingleton<PendingCorrelation>();
        services.TryAddSingleton<NearQuery>();
        services.TryAddSingleton<MatchReview>();
        services.TryAddSingleton<TagFitting>();
        services.TryAddSingleton<AlertDesk>();
        services.TryAddSingleton<AlertFeed>();
        services.TryAddSingleton(sp =>
        {
            var monitor = ActivatorUtilities.CreateInstance<LicenceMonitor>(sp);
            monitor.AlertChanged += sp.GetRequiredService<IAlertFeed>().Publish;
            return monitor;
        });
        services.TryAddSingleton<SchemeSummaryReport>();
        services.TryAddSingleton<RetentionRun>();
        services.TryAddSingleton(sp => new AccountApprovals(
            sp.GetRequiredService<Audit.IAuditLog>(), sp.GetRequiredService<IAccountChanges>(), sp.GetRequiredService<AccountApprovalOptions>().RequireSecondApproval));
        services.AddMatchesUseCases();
        services.AddTrailsUseCases();
        services.AddMonitoringUseCases();
        services.AddReportsUseCases();
        services.AddRetentionUseCases();
        services.AddAuditUseCases();
        services.AddAccountsUseCases();
        services.AddOffendersUseCases();
        services.AddConditionsUseCases();
        services.AddFixesUseCases();
        services.AddTagsUseCases();
        services.AddCrimesUseCases();
        services.AddNotificationsUseCases();
        return services;
    }
}
