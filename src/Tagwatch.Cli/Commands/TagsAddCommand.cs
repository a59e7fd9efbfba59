using Tagwatch.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags add ID [--protocol P] [--model M]</c>.</summary>
internal sealed class TagsAddCommand : AsyncCommand<TagsAddCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<ID>")]
        public string Id { get; init; } = "";

        [CommandOption("--protocol <PROTOCOL>")]
        public string Protocol { get; init; } = "gt06";

        [CommandOption("--model <MODEL>")]
        public string? Model { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var id = TagId.TryParse(settings.Id, out var tag, out var error) ? tag : throw new ArgumentException(error);
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        if ((await workspace.Tags.FindRegisteredAsync([id], cancellationToken)).Count > 0)
        {
            throw new InvalidOperationException($"tag {id} is already registered");
        }

        await workspace.Tags.RegisterAsync([new Tag(id, settings.Protocol, settings.Model)], cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.ChangeSettings, "tag", id.ToString(), "registered", cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"Registered tag {id}.");
        return ExitCodes.Ok;
    }
}
