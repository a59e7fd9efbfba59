using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Tagwatch.Application.Conditions;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch conditions suspend ID --from T1 --to T2 --reason TEXT --by NAME</c>: no alerts from breaches starting in the window.</summary>
internal sealed class ConditionsSuspendCommand : AsyncCommand<ConditionsSuspendCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<ID>")]
        public long Id { get; init; }

        [CommandOption("--from <INSTANT>")]
        public string From { get; init; } = "";

        [CommandOption("--to <INSTANT>")]
        public string To { get; init; } = "";

        [CommandOption("--reason <TEXT>")]
        [Description("Why, e.g. \"court appearance at Camberwell Green\" (required).")]
        public string Reason { get; init; } = "";

        [CommandOption("--by <NAME>")]
        public string By { get; init; } = Environment.UserName;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var from = OptionParsers.Instant(settings.From, "--from");
        var to = OptionParsers.Instant(settings.To, "--to");
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var actor = await ConsoleCaseload.ProbationAsync(services.Provider, cancellationToken);
        var result = await services.Provider.GetRequiredService<SuspendCondition>()
            .ExecuteAsync(actor, new SuspendConditionRequest(settings.Id, from, to, settings.Reason, By: settings.By), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        CliContext.Current.Console.MarkupLineInterpolated($"Condition {settings.Id} suspended from {from} to {to}.");
        return ExitCodes.Ok;
    }
}
