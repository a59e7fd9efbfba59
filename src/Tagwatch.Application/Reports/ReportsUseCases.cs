using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tagwatch.Application.Reports;

/// <summary>The reports' use cases.</summary>
public static class ReportsUseCases
{
    /// <summary>Registers the evaluation report's use case.</summary>
    public static IServiceCollection AddReportsUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<ReadSchemeSummary>();
        return services;
    }
}
