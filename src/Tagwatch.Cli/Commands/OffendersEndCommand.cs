using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Offenders;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch offenders end REF --reason TEXT [--date yyyy-MM-dd]</c>.</summary>
internal sealed class OffendersEndCommand : AsyncCommand<OffendersEndCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<REF>")]
        public string Reference { get; init; } = "";

        [CommandOption("--reason <TEXT>")]
        [Description("Why monitoring ends (licence expired, recalled, order varied…). Required.")]
        public string Reason { get; init; } = "";

        [CommandOption("--date <DATE>")]
        [Description("Last day of monitoring (default: today).")]
        public string? Date { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var lastDay = OptionParsers.OptionalDate(settings.Date, "--date");
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<EndMonitoring>()
            .ExecuteAsync(ConsoleActor.ProbationForEveryone, new EndMonitoringRequest(settings.Reference, settings.Reason, lastDay), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var ended = result.Value;
        CliContext.Current.Console.MarkupLineInterpolated($"Monitoring of {ended.Reference} ended on {OffenderView.Date(ended.MonitoringEnd)}: {ended.EndReason}");
        return ExitCodes.Ok;
    }
}
