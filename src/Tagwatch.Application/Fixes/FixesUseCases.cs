using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tagwatch.Application.Maintenance;

namespace Tagwatch.Application.Fixes;

/// <summary>The fix use cases' registration: export and import of fix files, and the store's statistics.</summary>
public static class FixesUseCases
{
    /// <summary>Registers <see cref="ExportFixes"/>, <see cref="ImportFixes"/> and <see cref="ReadStoreStatistics"/>.</summary>
    public static IServiceCollection AddFixesUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<ExportFixes>();
        services.TryAddSingleton<ImportFixes>();
        services.TryAddSingleton<ReadStoreStatistics>();
        return services;
    }
}
