using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tagwatch.Application.Conditions;

/// <summary>The licence condition use cases: adding, changing, ending, suspending and listing zones and curfews.</summary>
public static class ConditionsUseCases
{
    /// <summary>Registers <see cref="AddCondition"/>, <see cref="ChangeCondition"/>, <see cref="EndCondition"/>, <see cref="SuspendCondition"/> and <see cref="ListConditions"/>.</summary>
    public static IServiceCollection AddConditionsUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<ConditionSubjects>();
        services.TryAddSingleton<AddCondition>();
        services.TryAddSingleton<ChangeCondition>();
        services.TryAddSingleton<EndCondition>();
        services.TryAddSingleton<SuspendCondition>();
        services.TryAddSingleton<ListConditions>();
        return services;
    }
}
