using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tagwatch.Application.Monitoring;

/// <summary>The alert use cases' registration.</summary>
public static class MonitoringUseCases
{
    /// <summary>Registers <see cref="AcknowledgeAlert"/>, <see cref="ResolveAlert"/> and <see cref="EvaluateAlerts"/>.</summary>
    public static IServiceCollection AddMonitoringUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<AcknowledgeAlert>();
        services.TryAddSingleton<ResolveAlert>();
        services.TryAddSingleton<EvaluateAlerts>();
        return services;
    }
}
