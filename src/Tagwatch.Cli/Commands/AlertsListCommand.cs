using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
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
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var alerts = await workspace.Alerts.ListAsync(states, cancellationToken: cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.ViewAlerts, "alert", null, $"{alerts.Count} alerts", cancellationToken);
        var people = (await workspace.Offenders.ListAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Reference.Value);
        if (settings.Json)
        {
            foreach (var a in alerts)
            {
                CliContext.Current.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    id = a.Id, type = a.Type.Name, severity = Lower(a.Severity), state = Lower(a.State), tag = a.Tag.Value,
                    offender = a.Offender is { } o ? people.GetValueOrDefault(o) : null, condition = a.ConditionId,
                    start = a.Start.ToString(), end = a.End?.ToString(), raised = a.Raised.ToString(), a.Summary, a.Repeats,
                    evidence = JsonDocument.Parse(a.EvidenceJson).RootElement,
                }));
            }

            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("id", "severity", "state", "type", "person", "tag", "start", "end", "summary");
        foreach (var a in alerts)
        {
            table.AddRow(
                a.Id.ToString(CultureInfo.InvariantCulture),
                Lower(a.Severity),
                Lower(a.State),
                a.Type.Name,
                Markup.Escape(a.Offender is { } o ? people.GetValueOrDefault(o, "?") : ""),
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
