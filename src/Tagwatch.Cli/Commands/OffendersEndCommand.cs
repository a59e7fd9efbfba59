using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch offenders end REF --reason TEXT [--date yyyy-MM-dd]</c>.</summary>
internal sealed class OffendersEndCommand : AsyncCommand<OffendersEndCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<REF>")]
        public string Reference { get; init; } = "";

        [CommandOption("--reason <TEXT>")]
        [Description("Why monitoring ends (licence expired, recalled, order varied…). Required.")]
        public string Reason { get; init; } = "";

        [CommandOption("--date <DATE>")]
        [Description("Last day of monitoring (default: today).")]
        public string? Date { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var ended = await workspace.Offenders.EndAsync(OptionParsers.Reference(settings.Reference), settings.Reason, OptionParsers.OptionalDate(settings.Date, "--date"), cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.ChangeRecord, "offender", ended.Reference.ToString(), $"monitoring ended on {OffenderView.Date(ended.MonitoringEnd)}: {ended.EndReason}", cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"Monitoring of {ended.Reference} ended on {OffenderView.Date(ended.MonitoringEnd)}: {ended.EndReason}");
        return ExitCodes.Ok;
    }
}
