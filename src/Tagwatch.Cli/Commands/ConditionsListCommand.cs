using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Tagwatch.Application.Conditions;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch conditions list [--offender REF]</c>: location conditions in force.</summary>
internal sealed class ConditionsListCommand : AsyncCommand<ConditionsListCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--offender <REF>")]
        [Description("Only this person's conditions.")]
        public string? Offender { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var actor = await ConsoleCaseload.ProbationAsync(services.Provider, cancellationToken);
        var result = await services.Provider.GetRequiredService<ListConditions>().ExecuteAsync(actor, new ListConditionsRequest(settings.Offender), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var table = new Table().AddColumns("id", "person", "kind", "label", "schedule", "grace", "area");
        foreach (var (person, c) in result.Value.Conditions)
        {
            table.AddRow(
                c.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(person.ToString()),
                c.Kind.ToString().ToLowerInvariant(),
                Markup.Escape(c.Label),
                Markup.Escape(c.Schedule.Text),
                c.Grace == NodaTime.Duration.Zero ? "" : $"{c.Grace.TotalMinutes:0} min",
                Markup.Escape(c.Area.Description.Length > 60 ? c.Area.Description[..60] + "…" : c.Area.Description));
        }

        CliContext.Current.Console.Write(table);
        return ExitCodes.Ok;
    }
}
