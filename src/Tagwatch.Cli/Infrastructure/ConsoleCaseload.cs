using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Offenders;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>The console as the probation officer a records use case asks for.</summary>
internal static class ConsoleCaseload
{
    /// <summary>
    /// A probation officer whose caseload is everyone enrolled: whoever runs the console holds the database itself, so
    /// nobody is outside its scope, and the use case's caseload rule still decides as it does for the API.
    /// </summary>
    public static async Task<Actor> ProbationAsync(IServiceProvider provider, CancellationToken cancellationToken)
    {
        var everyone = await provider.GetRequiredService<IOffenderStore>().ListAsync(cancellationToken);
        return new Actor(ConsoleActor.Name, Role.ProbationOfficer, new HashSet<string>(), everyone.Select(o => o.Reference.ToString()).ToHashSet(StringComparer.Ordinal));
    }
}
