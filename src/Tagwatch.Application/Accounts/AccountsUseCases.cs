using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tagwatch.Application.Accounts;

/// <summary>The accounts' use cases.</summary>
public static class AccountsUseCases
{
    /// <summary>Registers the accounts' use cases: accounts, their approvals, and personal API tokens.</summary>
    public static IServiceCollection AddAccountsUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<AccountChangeSubmitter>();
        services.TryAddSingleton<AddUser>();
        services.TryAddSingleton<ListUsers>();
        services.TryAddSingleton<DisableUser>();
        services.TryAddSingleton<EnableUser>();
        services.TryAddSingleton<ChangeRole>();
        services.TryAddSingleton<ChangeCaseload>();
        services.TryAddSingleton<ResetPassword>();
        services.TryAddSingleton<ListApprovals>();
        services.TryAddSingleton<ApproveChange>();
        services.TryAddSingleton<RejectChange>();
        services.TryAddSingleton<CreateToken>();
        services.TryAddSingleton<ListTokens>();
        services.TryAddSingleton<RevokeToken>();
        return services;
    }
}
