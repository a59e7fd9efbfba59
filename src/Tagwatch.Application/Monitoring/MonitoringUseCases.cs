using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tagwatch.Application.Monitoring;

/// <summary>The alert use cases' registration.</summary>
public static class MonitoringUseCases
{
    /// <summary>Registers <see cref="AcknowledgeAlert"/>, <see cref="ResolveAlert"/>, <see cref="EvaluateAlerts"/>, <see cref="ListAlerts"/>,
    /// <see cref="ShowAlert"/>, <see cref="WatchAlerts"/> and <see cref="ReadLivePositions"/>.</summary>
    public static IServiceCollection AddMonitoringUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<AcknowledgeAlert>();
        services.TryAddSingleton<ResolveAlert>();
        services.TryAddSingleton<EvaluateAlerts>();
        services.TryAddSingleton<AlertVisibility>();
        services.TryAddSingleton<ListAlerts>();
        services.TryAddSingleton<ShowAlert>();
        services.TryAddSingleton<WatchAlerts>();
        services.TryAddSingleton<ReadLivePositions>();
        return services;
    }
}
