using Tagwatch.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags list</c>: registered tags with their last contact, last fix and battery.</summary>
internal sealed class TagsListCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var tags = await workspace.Tags.ListAsync(cancellationToken);
        var contacts = (await workspace.Ingest.ContactsAsync(cancellationToken)).ToDictionary(c => c.Tag);
        var table = new Table().AddColumns("tag", "protocol", "model", "last contact", "last fix", "battery");
        foreach (var tag in tags)
        {
            contacts.TryGetValue(tag.Id, out var contact);
            table.AddRow(
                Markup.Escape(tag.Id.Value),
                Markup.Escape(tag.Protocol),
                Markup.Escape(tag.Model ?? ""),
                contact is null ? "" : OffenderView.Time(contact.LastContact),
                contact?.LastFix is { } fix ? OffenderView.Time(fix) : "",
                contact?.BatteryPercent is { } battery ? $"{battery}%" : "");
        }

        CliContext.Current.Console.Write(table);
        return ExitCodes.Ok;
    }
}
