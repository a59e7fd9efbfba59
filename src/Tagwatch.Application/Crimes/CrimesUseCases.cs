using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tagwatch.Application.Correlation;

namespace Tagwatch.Application.Crimes;

/// <summary>The crime and correlation use cases: importing and listing crimes, correlation runs, near searches.</summary>
public static class CrimesUseCases
{
    public static IServiceCollection AddCrimesUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<ImportCrimes>();
        services.TryAddSingleton<ListCrimes>();
        services.TryAddSingleton<CountCrimesByMonth>();
        services.TryAddSingleton<ListAreaCrimes>();
        services.TryAddSingleton<RunCorrelation>();
        services.TryAddSingleton<RunStrictCorrelation>();
        services.TryAddSingleton<ListCorrelationRuns>();
        services.TryAddSingleton<SearchNear>();
        return services;
    }
}
