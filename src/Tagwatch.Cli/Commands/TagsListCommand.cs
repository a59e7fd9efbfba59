using Tagwatch.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Tags;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags list</c>: registered tags with their last contact, last fix and battery.</summary>
internal sealed class TagsListCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ListTags>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new ListTagsRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var table = new Table().AddColumns("tag", "protocol", "model", "last contact", "last fix", "battery");
        foreach (var tag in result.Value)
        {
            table.AddRow(
                Markup.Escape(tag.Id.Value),
                Markup.Escape(tag.Protocol),
                Markup.Escape(tag.Model ?? ""),
                tag.LastContact is { } contact ? OffenderView.Time(contact) : "",
                tag.LastFix is { } fix ? OffenderView.Time(fix) : "",
                tag.BatteryPercent is { } battery ? $"{battery}%" : "");
        }

        CliContext.Current.Console.Write(table);
        return ExitCodes.Ok;
    }
}
