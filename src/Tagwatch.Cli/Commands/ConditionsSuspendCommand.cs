using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
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
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        await workspace.Conditions.SuspendAsync(settings.Id, from, to, settings.Reason, settings.By, cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.ChangeConditions, "condition", settings.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"suspended {from}–{to}", cancellationToken, settings.Reason);
        CliContext.Current.Console.MarkupLineInterpolated($"Condition {settings.Id} suspended from {from} to {to}.");
        return ExitCodes.Ok;
    }
}
