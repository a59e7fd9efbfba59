using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tagwatch.Application.Tags;

/// <summary>The device registry's use cases: tags, fittings and their corrections, upload credentials, refused devices.</summary>
public static class TagsUseCases
{
    public static IServiceCollection AddTagsUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<TagFitting>();
        services.TryAddSingleton<RegisterTag>();
        services.TryAddSingleton<ListTags>();
        services.TryAddSingleton<AssignTag>();
        services.TryAddSingleton<CorrectAssignment>();
        services.TryAddSingleton<ReturnTag>();
        services.TryAddSingleton<SwapTag>();
        services.TryAddSingleton<CreateDeviceCredential>();
        services.TryAddSingleton<ListDeviceCredentials>();
        services.TryAddSingleton<RevokeDeviceCredential>();
        services.TryAddSingleton<ListRefusedDevices>();
        return services;
    }
}
