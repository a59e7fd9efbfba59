using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tagwatch.Application.Audit;

/// <summary>The auditor's use cases.</summary>
public static class AuditUseCases
{
    /// <summary>Registers searching, exporting and verifying the audit log.</summary>
    public static IServiceCollection AddAuditUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<SearchAudit>();
        services.TryAddSingleton<ExportAudit>();
        services.TryAddSingleton<VerifyAudit>();
        return services;
    }
}
