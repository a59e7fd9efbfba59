using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tagwatch.Application.Disclosure;

namespace Tagwatch.Application.Matches;

/// <summary>The match use cases: visibility, listing and showing, review and disclosure, outcomes, disclosure packs.</summary>
public static class MatchesUseCases
{
    public static IServiceCollection AddMatchesUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<MatchVisibility>();
        services.TryAddSingleton<DisclosurePackBuilder>();
        services.TryAddSingleton<ListMatches>();
        services.TryAddSingleton<ShowMatch>();
        services.TryAddSingleton<QualifyMatch>();
        services.TryAddSingleton<DismissMatch>();
        services.TryAddSingleton<DiscloseMatch>();
        services.TryAddSingleton<DiscloseSupplement>();
        services.TryAddSingleton<RecordOutcome>();
        services.TryAddSingleton<GetDisclosurePack>();
        return services;
    }
}
