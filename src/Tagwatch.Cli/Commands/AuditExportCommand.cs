using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Audit;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary>
/// <c>tagwatch audit export --out FILE [--from] [--to] [--actor] [--action] [--subject]</c>: the log as JSON lines,
/// hashes included, so an auditor can check the chain independently (SHA-256 over each record's fields, see docs).
/// </summary>
internal sealed class AuditExportCommand : AsyncCommand<AuditExportCommand.Settings>
{
    private const int Page = 5_000;

    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("Where to write the JSON lines; '-' for standard output.")]
        public string Out { get; init; } = "-";

        [CommandOption("--from <INSTANT>")]
        public string? From { get; init; }

        [CommandOption("--to <INSTANT>")]
        public string? To { get; init; }

        [CommandOption("--actor <USER>")]
        public string? Actor { get; init; }

        [CommandOption("--action <ACTION>")]
        [Description("An action (view.trail) or a prefix ending in '.' (view.).")]
        public string? Action { get; init; }

        [CommandOption("--subject <ID>")]
        [Description("A subject, e.g. an offender reference.")]
        public string? Subject { get; init; }

        [CommandOption("--purpose <TEXT>")]
        [Description("Why the log is exported (recorded in the log itself).")]
        public string? Purpose { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var query = new AuditQuery(
            settings.From is null ? null : OptionParsers.Instant(settings.From, "--from"),
            settings.To is null ? null : OptionParsers.Instant(settings.To, "--to"),
            settings.Actor, settings.Action, settings.Subject, 0, Page);
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        bool toStdout = settings.Out == "-";
        long written = 0;
        if (toStdout)
        {
            await using var output = CliContext.Current.OpenStandardOutput();
            written = await AuditExport.WriteJsonLinesAsync(services.Audit, query, output, cancellationToken);
        }
        else
        {
            await WholeFile.WriteAsync(settings.Out, async file => written = await AuditExport.WriteJsonLinesAsync(services.Audit, query, file, cancellationToken));
        }

        await services.Audit.AppendAsync(
            ConsoleActor.Event(AuditActions.AuditExport, "audit", null, $"{written} records; {AuditExport.Describe(query)}", settings.Purpose), cancellationToken);
        if (!toStdout)
        {
            CliContext.Current.Console.MarkupLineInterpolated($"{written:N0} audit records written to {settings.Out}.");
        }

        return ExitCodes.Ok;
    }
}
