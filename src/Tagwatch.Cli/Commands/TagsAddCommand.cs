using Tagwatch.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Tags;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

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
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<RegisterTag>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new RegisterTagRequest(settings.Id, settings.Protocol, settings.Model), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        CliContext.Current.Console.MarkupLineInterpolated($"Registered tag {result.Value.Id}.");
        return ExitCodes.Ok;
    }
}
