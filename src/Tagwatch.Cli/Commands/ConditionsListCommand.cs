using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
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
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        Core.Identity.OffenderId? who = null;
        if (settings.Offender is not null)
        {
            var reference = OptionParsers.Reference(settings.Offender);
            who = (await workspace.OffenderStore.FindAsync(reference, cancellationToken) ?? throw new KeyNotFoundException($"{reference} is not enrolled.")).Id;
        }

        var people = (await workspace.Offenders.ListAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Reference.Value);
        var conditions = await workspace.Conditions.ActiveAsync(who, cancellationToken);

        // Zones can be victims' addresses: the list is a read of personal data, recorded with whose conditions it showed.
        var shown = conditions.Select(c => people.GetValueOrDefault(c.Offender, "?")).Distinct().Order(StringComparer.Ordinal).ToList();
        await workspace.AuditAsync(Application.Audit.AuditActions.ViewRecord, "offender", settings.Offender is null ? null : OptionParsers.Reference(settings.Offender).ToString(),
            $"conditions in force ({conditions.Count}) of {string.Join(",", shown)}", cancellationToken);
        var table = new Table().AddColumns("id", "person", "kind", "label", "schedule", "grace", "area");
        foreach (var c in conditions)
        {
            table.AddRow(
                c.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(people.GetValueOrDefault(c.Offender, "?")),
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
