using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tagwatch.Application.Scheme;

namespace Tagwatch.Application.Offenders;

/// <summary>The people use cases: enrolment, the records and their lifecycle, and the scheme's settings.</summary>
public static class OffendersUseCases
{
    public static IServiceCollection AddOffendersUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<OffenderAccess>();
        services.TryAddSingleton<EnrolOffender>();
        services.TryAddSingleton<ListOffenders>();
        services.TryAddSingleton<ShowOffender>();
        services.TryAddSingleton<EndMonitoring>();
        services.TryAddSingleton<ChangeRiskTier>();
        services.TryAddSingleton<ShowScheme>();
        services.TryAddSingleton<ChangeScheme>();
        return services;
    }
}
