using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

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
        var now = NodaTime.Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        var from = settings.From is null ? now - NodaTime.Duration.FromDays(1) : OptionParsers.Instant(settings.From, "--from");
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        int before = (await workspace.Alerts.ListAsync(cancellationToken: cancellationToken)).Count;
        var worn = (await workspace.Tags.MonitoredAssignmentsAsync(cancellationToken)).Where(a => a.To is null || a.To > from).Select(a => a.Tag).Distinct().ToList();
        foreach (var tag in worn)
        {
            await workspace.Monitor.EvaluateTagAsync(tag, from, cancellationToken);
        }

        await workspace.Monitor.TickAsync(cancellationToken);
        int after = (await workspace.Alerts.ListAsync(cancellationToken: cancellationToken)).Count;
        CliContext.Current.Console.MarkupLineInterpolated($"Evaluated {worn.Count} worn tags from {from}: {after - before} new alerts.");
        return ExitCodes.Ok;
    }
}
