using Tagwatch.Cli.Hosting;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Scheme;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch scheme show [--json]</c>.</summary>
internal sealed class SchemeShowCommand : AsyncCommand<SchemeShowCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public static object ToJson(SchemeView view)
    {
        var s = view.Settings;
        return new
        {
            name = s.Name,
            boroughs = s.BoroughCodes.Select(c => BoroughMap.London.Find(c)?.Name ?? c),
            capacity = s.Capacity,
            monitored_today = view.MonitoredToday,
            start = OffenderView.Date(s.StartDate),
            end = OffenderView.Date(s.EndDate),
            length_months = s.LengthMonths,
            max_monitoring_months = s.MaxMonitoringMonths,
            eligible_offences = s.EligibleOffences.Select(o => OptionParsers.Kebab(o.ToString())),
            correlation_minimum_tier = OptionParsers.Kebab(s.CorrelationMinimumTier.ToString()),
        };
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ShowScheme>().ExecuteAsync(ConsoleActor.In(Role.Administrator), new ShowSchemeRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var json = JsonSerializer.SerializeToElement(ToJson(result.Value));
        if (settings.Json)
        {
            CliContext.Current.Out.WriteLine(json.GetRawText());
            return ExitCodes.Ok;
        }

        var grid = new Grid().AddColumns(2);
        foreach (var property in json.EnumerateObject())
        {
            grid.AddRow(property.Name, Markup.Escape(property.Value.ValueKind == JsonValueKind.Array
                ? string.Join(", ", property.Value.EnumerateArray().Select(v => v.ToString()))
                : property.Value.ToString()));
        }

        CliContext.Current.Console.Write(grid);
        return ExitCodes.Ok;
    }
}
