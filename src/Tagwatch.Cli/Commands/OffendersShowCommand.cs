using Tagwatch.Cli.Hosting;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Offenders;
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
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ShowOffender>()
            .ExecuteAsync(ConsoleActor.ProbationForEveryone, new OffenderRequest(settings.Reference), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var (offender, status, person, history) = result.Value;
        var riskHistory = history.Select(h => new { tier = OptionParsers.Kebab(h.Tier.ToString()), from = OffenderView.Date(h.EffectiveFrom), reason = h.Reason });
        if (settings.Json)
        {
            CliContext.Current.Out.WriteLine(JsonSerializer.Serialize(new
            {
                record = OffenderView.ToJson(offender, status),
                person = person is null ? null : new { given_name = person.GivenName, family_name = person.FamilyName, date_of_birth = OffenderView.Date(person.DateOfBirth) },
                risk_history = riskHistory,
            }));
            return ExitCodes.Ok;
        }

        var grid = new Grid().AddColumns(2);
        foreach (var property in JsonSerializer.SerializeToElement(OffenderView.ToJson(offender, status)).EnumerateObject())
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
