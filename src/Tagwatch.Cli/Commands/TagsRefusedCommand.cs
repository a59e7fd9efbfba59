using Tagwatch.Cli.Hosting;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Tags;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;
using Tagwatch.Core.Text;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags refused</c>: device messages refused (unregistered devices, forged or misrouted reports), how
/// often and why.</summary>
internal sealed class TagsRefusedCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ListRefusedDevices>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new ListRefusedDevicesRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var table = new Table().AddColumns("device", "protocol", "reason", "messages", "first seen", "last seen", "last address", "detail");
        foreach (var r in result.Value)
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
