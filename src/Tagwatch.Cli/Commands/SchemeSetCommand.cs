using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Scheme;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch scheme set [--capacity N] [--borough B …] [--start DATE] [--length-months N] …</c>: changes only what is given.</summary>
internal sealed class SchemeSetCommand : AsyncCommand<SchemeSetCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--name <NAME>")]
        public string? Name { get; init; }

        [CommandOption("--capacity <N>")]
        [Description("Most people monitored at once.")]
        public int? Capacity { get; init; }

        [CommandOption("--borough <BOROUGH>")]
        [Description("Scheme borough by name or ONS code (repeatable; replaces the list).")]
        public string[] Boroughs { get; init; } = [];

        [CommandOption("--start <DATE>")]
        public string? Start { get; init; }

        [CommandOption("--length-months <N>")]
        public int? LengthMonths { get; init; }

        [CommandOption("--max-monitoring-months <N>")]
        public int? MaxMonitoringMonths { get; init; }

        [CommandOption("--offence <OFFENCE>")]
        [Description("Eligible index offence (repeatable; replaces the list).")]
        public string[] Offences { get; init; } = [];

        [CommandOption("--correlation-tier <TIER>")]
        [Description("Lowest risk tier whose trails are checked against crimes.")]
        public string? CorrelationTier { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var request = new ChangeSchemeRequest(
            settings.Name, settings.Capacity, settings.Boroughs.Length > 0 ? settings.Boroughs : null, OptionParsers.OptionalDate(settings.Start, "--start"),
            settings.LengthMonths, settings.MaxMonitoringMonths,
            settings.Offences.Length > 0 ? settings.Offences.Select(o => OptionParsers.Enum<IndexOffence>(o, "--offence")).ToList() : null,
            settings.CorrelationTier is null ? null : OptionParsers.Enum<RiskTier>(settings.CorrelationTier, "--correlation-tier"));
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ChangeScheme>().ExecuteAsync(ConsoleActor.In(Role.Administrator), request, cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        CliContext.Current.Console.MarkupLine("Scheme updated.");
        return ExitCodes.Ok;
    }
}
