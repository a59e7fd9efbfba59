using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
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
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        if (!await workspace.Conditions.EndAsync(settings.Id, settings.By, cancellationToken))
        {
            throw new KeyNotFoundException($"There is no condition {settings.Id}.");
        }

        await workspace.AuditAsync(Application.Audit.AuditActions.ChangeConditions, "condition", settings.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ended", cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"Condition {settings.Id} ended.");
        return ExitCodes.Ok;
    }
}
