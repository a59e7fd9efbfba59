using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary>
/// <c>tagwatch audit export --out FILE [--from] [--to] [--actor] [--action] [--subject]</c>: the log as JSON lines,
/// hashes included, so an auditor can check the chain independently (SHA-256 over each record's fields, see docs).
/// </summary>
internal sealed class AuditExportCommand : AsyncCommand<AuditExportCommand.Settings>
{
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
        Instant? from = settings.From is null ? null : OptionParsers.Instant(settings.From, "--from");
        Instant? to = settings.To is null ? null : OptionParsers.Instant(settings.To, "--to");
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var export = services.Provider.GetRequiredService<ExportAudit>();
        var actor = ConsoleActor.In(Role.Auditor);
        ExportAuditRequest Request(Stream output) => new(output, from, to, settings.Actor, settings.Action, settings.Subject, settings.Purpose);
        bool toStdout = settings.Out == "-";
        UseCaseResult<AuditExported>? result = null;
        if (toStdout)
        {
            await using var output = CliContext.Current.OpenStandardOutput();
            result = await export.ExecuteAsync(actor, Request(output), cancellationToken);
        }
        else
        {
            await WholeFile.WriteAsync(settings.Out, async file => result = await export.ExecuteAsync(actor, Request(file), cancellationToken));
        }

        if (!result!.Succeeded)
        {
            await CliContext.Current.Error.WriteLineAsync(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        long written = result.Value.Records;
        if (!toStdout)
        {
            CliContext.Current.Console.MarkupLineInterpolated($"{written:N0} audit records written to {settings.Out}.");
        }

        return ExitCodes.Ok;
    }
}
