using Tagwatch.Cli.Hosting;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch offenders show REF [--json]</c>: the record, identifying details and risk history.</summary>
internal sealed class OffendersShowCommand : AsyncCommand<OffendersShowCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<REF>")]
        public string Reference { get; init; } = "";

        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var (offender, person, history) = await workspace.Offenders.ShowAsync(OptionParsers.Reference(settings.Reference), cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.ViewRecord, "offender", offender.Reference.ToString(), "record: identity, licence, risk history", cancellationToken);
        var riskHistory = history.Select(h => new { tier = OptionParsers.Kebab(h.Tier.ToString()), from = OffenderView.Date(h.EffectiveFrom), reason = h.Reason });
        if (settings.Json)
        {
            CliContext.Current.Out.WriteLine(JsonSerializer.Serialize(new
            {
                record = OffenderView.ToJson(offender, workspace.Offenders.Today),
                person = person is null ? null : new { given_name = person.GivenName, family_name = person.FamilyName, date_of_birth = OffenderView.Date(person.DateOfBirth) },
                risk_history = riskHistory,
            }));
            return ExitCodes.Ok;
        }

        var grid = new Grid().AddColumns(2);
        foreach (var property in JsonSerializer.SerializeToElement(OffenderView.ToJson(offender, workspace.Offenders.Today)).EnumerateObject())
        {
            grid.AddRow(property.Name, Markup.Escape(property.Value.ValueKind == JsonValueKind.Array
                ? string.Join(", ", property.Value.EnumerateArray().Select(v => v.ToString()))
                : property.Value.ToString()));
        }

        if (person is not null)
        {
            grid.AddRow("name", Markup.Escape($"{person.GivenName} {person.FamilyName}"));
            grid.AddRow("date_of_birth", OffenderView.Date(person.DateOfBirth));
        }

        CliContext.Current.Console.Write(grid);
        var table = new Table().AddColumns("risk tier", "from", "reason");
        foreach (var h in riskHistory)
        {
            table.AddRow(Markup.Escape(h.tier), Markup.Escape(h.from), Markup.Escape(h.reason));
        }

        CliContext.Current.Console.Write(table);
        return ExitCodes.Ok;
    }
}
