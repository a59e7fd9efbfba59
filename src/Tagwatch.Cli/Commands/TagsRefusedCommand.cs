using Tagwatch.Cli.Hosting;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Ingest;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Text;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags refused</c>: device messages refused (unregistered devices, forged or misrouted reports), how
/// often and why.</summary>
internal sealed class TagsRefusedCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var table = new Table().AddColumns("device", "protocol", "reason", "messages", "first seen", "last seen", "last address", "detail");
        foreach (var r in await workspace.Ingest.RefusedDevicesAsync(cancellationToken))
        {
            table.AddRow(
                Text(r.Reason switch
                {
                    RefusalReason.MalformedIdentifier => $"(malformed identifier from {r.Source})",
                    RefusalReason.Folded => "(older refusals)",
                    _ => r.DeviceId,
                }),
                Text(r.Protocol),
                JsonNamingPolicy.SnakeCaseLower.ConvertName(r.Reason.ToString()),
                r.Messages.ToString(CultureInfo.InvariantCulture),
                OffenderView.Time(r.FirstSeen),
                OffenderView.Time(r.LastSeen),
                Text(r.LastRemote),
                Text(r.Detail));
        }

        CliContext.Current.Console.Write(table);
        return ExitCodes.Ok;
    }

    // What a device sent is printed escaped: an escape sequence in an identifier must not act on the terminal.
    private static string Text(string? sent) => Markup.Escape(PrintableText.Escape(sent) ?? "");
}
