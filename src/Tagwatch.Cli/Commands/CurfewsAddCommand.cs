using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Conditions;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch curfews add --offender REF --address LAT,LON,RADIUS --schedule "daily 21:00-07:00" [--grace 10m]</c>.</summary>
internal sealed class CurfewsAddCommand : AsyncCommand<CurfewsAddCommand.Settings>
{
    internal sealed class Settings : ConditionSettings
    {
        [CommandOption("--address <LAT,LON,RADIUS>")]
        [Description("The curfew address and the radius around it that counts as home, metres (e.g. 51.45,-0.10,50).")]
        public string Address { get; init; } = "";

        [CommandOption("--grace <DURATION>")]
        [Description("How late after the curfew starts arriving home is still compliant (default 10m).")]
        public string Grace { get; init; } = "10m";

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Schedule) || Schedule.Trim().Equals("always", StringComparison.OrdinalIgnoreCase)
                ? ValidationResult.Error("a curfew needs --schedule with its hours, e.g. \"daily 21:00-07:00\"")
                : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var home = ZonesAddCommand.ParseCircle(settings.Address);
        var (added, exitCode) = await ConditionWriter.AddAsync(settings, ConditionKind.Curfew, home, 0, OptionParsers.Duration(settings.Grace, "--grace"), cancellationToken);
        if (added is { Condition: var condition })
        {
            CliContext.Current.Console.MarkupLineInterpolated($"Condition {condition.Id}: curfew '{condition.Label}' ({condition.Schedule}, grace {settings.Grace}).");
        }

        return exitCode;
    }
}
