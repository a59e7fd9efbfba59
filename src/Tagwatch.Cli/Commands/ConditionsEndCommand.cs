using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Tagwatch.Application.Conditions;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch conditions end ID --by NAME</c>.</summary>
internal sealed class ConditionsEndCommand : AsyncCommand<ConditionsEndCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<ID>")]
        public long Id { get; init; }

        [CommandOption("--by <NAME>")]
        [Description("Who ends it (recorded).")]
        public string By { get; init; } = Environment.UserName;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var actor = await ConsoleCaseload.ProbationAsync(services.Provider, cancellationToken);
        var result = await services.Provider.GetRequiredService<EndCondition>().ExecuteAsync(actor, new EndConditionRequest(settings.Id, By: settings.By), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        CliContext.Current.Console.MarkupLineInterpolated($"Condition {settings.Id} ended.");
        return ExitCodes.Ok;
    }
}
