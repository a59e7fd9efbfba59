using Tagwatch.Cli.Hosting;
using System.Text.Json;
using Spectre.Console.Cli;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Monitoring;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch alerts show ID</c>: one alert with its evidence and trail, as JSON.</summary>
internal sealed class AlertsShowCommand : AsyncCommand<AlertsShowCommand.Settings>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<ID>")]
        public long Id { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ShowAlert>()
            .ExecuteAsync(ConsoleActor.In(Role.MonitoringOfficer), new ShowAlertRequest(settings.Id), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var (alert, offender, trail) = result.Value;
        CliContext.Current.Out.WriteLine(JsonSerializer.Serialize(
            new
            {
                id = alert.Id, type = alert.Type.Name, severity = alert.Severity.ToString().ToLowerInvariant(), state = alert.State.ToString().ToLowerInvariant(),
                tag = alert.Tag.Value, offender = offender?.Value, condition = alert.ConditionId, start = alert.Start.ToString(), end = alert.End?.ToString(),
                raised = alert.Raised.ToString(), summary = alert.Summary, repeats = alert.Repeats,
                evidence = JsonDocument.Parse(alert.EvidenceJson).RootElement,
                trail = trail.Select(h => new { at = h.At.ToString(), action = h.Action, by = h.By, note = h.Note }),
            },
            Indented));
        return ExitCodes.Ok;
    }
}
