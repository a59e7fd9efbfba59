using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Tagwatch.Application.Monitoring;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch alerts evaluate [--from INSTANT]</c>: one monitoring pass over every worn tag (for fixes that
/// came by file import rather than through the server), then the silence and curfew checks.</summary>
internal sealed class AlertsEvaluateCommand : AsyncCommand<AlertsEvaluateCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--from <INSTANT>")]
        [Description("Re-evaluate fixes from here (default: 24 hours ago).")]
        public string? From { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        NodaTime.Instant? from = settings.From is null ? null : OptionParsers.Instant(settings.From, "--from");
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<EvaluateAlerts>().ExecuteAsync(ConsoleActor.In(Role.MonitoringOfficer), new EvaluateAlertsRequest(from), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var pass = result.Value;
        CliContext.Current.Console.MarkupLineInterpolated($"Evaluated {pass.WornTags} worn tags from {pass.From}: {pass.NewAlerts} new alerts.");
        return ExitCodes.Ok;
    }
}
