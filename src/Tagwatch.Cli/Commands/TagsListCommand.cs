using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags list</c>.</summary>
internal sealed class TagsListCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var tags = await workspace.Tags.ListAsync(cancellationToken);
        var table = new Table().AddColumns("tag", "protocol", "model");
        foreach (var tag in tags)
        {
            table.AddRow(Markup.Escape(tag.Id.Value), Markup.Escape(tag.Protocol), Markup.Escape(tag.Model ?? ""));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
