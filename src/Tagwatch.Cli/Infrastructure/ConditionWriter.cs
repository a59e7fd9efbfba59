using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tagwatch.Application.Conditions;
using Tagwatch.Cli.Commands;
using Tagwatch.Cli.Hosting;
using Tagwatch.Core.Conditions;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Adds the licence condition a <c>zones add</c> or <c>curfews add</c> command describes, through <see cref="AddCondition"/>.</summary>
internal static class ConditionWriter
{
    /// <summary>The condition as stored, or null with the exit code after the failure was printed.</summary>
    public static async Task<(PersonCondition? Added, int ExitCode)> AddAsync(
        ConditionSettings settings, ConditionKind kind, ZoneArea area, double buffer, Duration? grace, CancellationToken cancellationToken)
    {
        var request = new AddConditionRequest(settings.Offender, kind, area, settings.ParsedSchedule("always"), settings.Rules(), settings.Label, grace, buffer,
            settings.From is null ? null : OptionParsers.Instant(settings.From, "--from"), settings.By);
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var actor = await ConsoleCaseload.ProbationAsync(services.Provider, cancellationToken);
        var result = await services.Provider.GetRequiredService<AddCondition>().ExecuteAsync(actor, request, cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return (null, UseCaseExit.Code(result.Failure));
        }

        return (result.Value, ExitCodes.Ok);
    }
}
