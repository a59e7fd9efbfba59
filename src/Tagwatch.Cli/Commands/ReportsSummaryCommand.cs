using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Reports;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch reports summary [--from DAY] [--to DAY] [--csv]</c>: the evaluation report for a period of UK days
/// (both included, as the web dashboard and the API read them), small counts withheld as in the API.</summary>
internal sealed class ReportsSummaryCommand : AsyncCommand<ReportsSummaryCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--csv")]
        [Description("Print section,figure,category,count rows instead of JSON.")]
        public bool Csv { get; init; }

        [CommandOption("--from <DAY>")]
        [Description("The first day of the period (yyyy-MM-dd, UK day); default: since the scheme began.")]
        public string? From { get; init; }

        [CommandOption("--to <DAY>")]
        [Description("The last day of the period, included (yyyy-MM-dd, UK day); default: today.")]
        public string? To { get; init; }

        public override ValidationResult Validate()
        {
            try
            {
                OptionParsers.OptionalDate(From, "--from");
                OptionParsers.OptionalDate(To, "--to");
            }
            catch (ArgumentException ex)
            {
                return ValidationResult.Error(ex.Message);
            }

            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ReadSchemeSummary>()
            .ExecuteAsync(ConsoleActor.In(Role.Evaluator), new SchemeSummaryRequest(OptionParsers.OptionalDate(settings.From, "--from"), OptionParsers.OptionalDate(settings.To, "--to"),
                settings.Csv ? "all" : null),
                cancellationToken);
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
