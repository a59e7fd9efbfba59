using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags refused</c>: devices that reported without being registered, and how often.</summary>
internal sealed class TagsRefusedCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var table = new Table().AddColumns("device", "protocol", "messages", "first seen", "last seen", "last address");
        foreach (var r in await workspace.Ingest.RefusedDevicesAsync(cancellationToken))
        {
            table.AddRow(
                Markup.Escape(r.DeviceId),
                Markup.Escape(r.Protocol),
                r.Messages.ToString(CultureInfo.InvariantCulture),
                OffenderView.Time(r.FirstSeen),
                OffenderView.Time(r.LastSeen),
                Markup.Escape(r.LastRemote ?? ""));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
