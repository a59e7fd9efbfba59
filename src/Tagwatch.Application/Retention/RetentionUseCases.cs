using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tagwatch.Application.Retention;

/// <summary>The retention use cases.</summary>
public static class RetentionUseCases
{
    /// <summary>Registers purging and the legal holds' use cases.</summary>
    public static IServiceCollection AddRetentionUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<RunRetention>();
        services.TryAddSingleton<PlaceLegalHold>();
        services.TryAddSingleton<LiftLegalHold>();
        services.TryAddSingleton<ListLegalHolds>();
        return services;
    }
}
