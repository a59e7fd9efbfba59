using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tagwatch.Application.Accounts;

/// <summary>The accounts' use cases.</summary>
public static class AccountsUseCases
{
    /// <summary>Registers the personal API tokens' use cases.</summary>
    public static IServiceCollection AddAccountsUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<CreateToken>();
        services.TryAddSingleton<ListTokens>();
        services.TryAddSingleton<RevokeToken>();
        return services;
    }
}
