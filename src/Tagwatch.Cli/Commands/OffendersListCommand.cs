using Tagwatch.Cli.Hosting;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Offenders;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Boroughs;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch offenders list [--json]</c>: pseudonymous records only (no names).</summary>
internal sealed class OffendersListCommand : AsyncCommand<OffendersListCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ListOffenders>().ExecuteAsync(ConsoleActor.ProbationForEveryone, new ListOffendersRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var offenders = result.Value;
        if (settings.Json)
        {
            CliContext.Current.Out.WriteLine(JsonSerializer.Serialize(offenders.Select(e => OffenderView.ToJson(e.Offender, e.Status))));
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("reference", "status", "risk tier", "index offences", "borough", "monitoring");
        foreach (var (o, status) in offenders)
        {
            table.AddRow(
                Markup.Escape(o.Reference.Value), OptionParsers.Kebab(status.ToString()), OptionParsers.Kebab(o.RiskTier.ToString()),
                Markup.Escape(string.Join(", ", o.IndexOffences.Select(x => OptionParsers.Kebab(x.ToString())))),
                Markup.Escape(BoroughMap.London.Find(o.HomeBoroughCode)?.Name ?? o.HomeBoroughCode),
                $"{OffenderView.Date(o.MonitoringStart)} – {OffenderView.Date(o.MonitoringEnd)}");
        }

        CliContext.Current.Console.Write(table);
        CliContext.Current.Console.MarkupLineInterpolated($"{offenders.Count} enrolled.");
        return ExitCodes.Ok;
    }
}
