using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;
using Tagwatch.Application.Reports;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch reports summary [--csv]</c>: the evaluation report, small counts withheld as in the API.</summary>
internal sealed class ReportsSummaryCommand : AsyncCommand<ReportsSummaryCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--csv")]
        [Description("Print section,figure,category,count rows instead of JSON.")]
        public bool Csv { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ReadSchemeSummary>()
            .ExecuteAsync(ConsoleActor.In(Role.Evaluator), new SchemeSummaryRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            await CliContext.Current.Error.WriteLineAsync(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var summary = result.Value;
        if (settings.Csv)
        {
            SchemeSummaryCsv.Write(summary, CliContext.Current.Out);
        }
        else
        {
            CliContext.Current.Out.WriteLine(JsonSerializer.Serialize(summary));
        }

        await CliContext.Current.Out.FlushAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
