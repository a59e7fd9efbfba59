using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Monitoring;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch alerts list [--state open,acknowledged] [--json]</c>: most recent first.</summary>
internal sealed class AlertsListCommand : AsyncCommand<AlertsListCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--state <STATES>")]
        [Description("Comma-separated: open, acknowledged, resolved, withdrawn (default: all).")]
        public string? State { get; init; }

        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var states = settings.State?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => OptionParsers.Enum<AlertState>(s, "--state")).ToList();
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ListAlerts>()
            .ExecuteAsync(ConsoleActor.In(Role.MonitoringOfficer), new ListAlertsRequest(states), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var alerts = result.Value.Alerts;
        if (settings.Json)
        {
            foreach (var (a, offender) in alerts)
            {
                CliContext.Current.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    id = a.Id, type = a.Type.Name, severity = Lower(a.Severity), state = Lower(a.State), tag = a.Tag.Value,
                    offender = offender?.Value, condition = a.ConditionId,
                    start = a.Start.ToString(), end = a.End?.ToString(), raised = a.Raised.ToString(), a.Summary, a.Repeats,
                    evidence = JsonDocument.Parse(a.EvidenceJson).RootElement,
                }));
            }

            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("id", "severity", "state", "type", "person", "tag", "start", "end", "summary");
        foreach (var (a, offender) in alerts)
        {
            table.AddRow(
                a.Id.ToString(CultureInfo.InvariantCulture),
                Lower(a.Severity),
                Lower(a.State),
                a.Type.Name,
                Markup.Escape(offender?.Value ?? (a.Offender is null ? "" : "?")),
                Markup.Escape(a.Tag.Value),
                OffenderView.Time(a.Start),
                a.End is { } end ? OffenderView.Time(end) : "ongoing",
                Markup.Escape(a.Repeats > 0 ? $"{a.Summary} (×{a.Repeats + 1})" : a.Summary));
        }

        CliContext.Current.Console.Write(table);
        return ExitCodes.Ok;
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
