using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tagwatch.Application.Trails;

/// <summary>The trail use cases' registration.</summary>
public static class TrailsUseCases
{
    /// <summary>Registers <see cref="ReadTrail"/>.</summary>
    public static IServiceCollection AddTrailsUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<ReadTrail>();
        return services;
    }
}
