using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Retention;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch audit verify [--expect-head SEQ:HASH] [--audit-days N]</c>: checks the whole hash chain and its base.</summary>
internal sealed class AuditVerifyCommand : AsyncCommand<AuditVerifyCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--expect-head <SEQ:HASH>")]
        [Description("A head printed by an earlier verify and kept outside the system: it must still be in the chain (detects a cut-off tail).")]
        public string? ExpectHead { get; init; }

        [CommandOption("--audit-days <N>")]
        [Description("The audit retention period in force (default 2555, seven years): a chain base younger than it is reported.")]
        public int? AuditDays { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var expected = ParseHead(settings.ExpectHead);
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var verified = await services.Provider.GetRequiredService<VerifyAudit>()
            .ExecuteAsync(ConsoleActor.In(Role.Auditor), new VerifyAuditRequest(expected, settings.AuditDays ?? new RetentionPolicy().AuditDays), cancellationToken);
        if (!verified.Succeeded)
        {
            await CliContext.Current.Error.WriteLineAsync(UseCaseExit.Message(verified.Failure));
            return UseCaseExit.Code(verified.Failure);
        }

        var result = verified.Value;
        if (result.Intact)
        {
            CliContext.Current.Console.MarkupLineInterpolated($"[green]Intact[/]: {result.Entries:N0} records; head {result.HeadSequence}:{result.HeadHash}");
            CliContext.Current.Console.WriteLine("Keep the head outside the system and pass it to --expect-head next time to detect a truncated log.");
            return ExitCodes.Ok;
        }

        CliContext.Current.Console.MarkupLineInterpolated($"[red]BROKEN[/]: {result.Entries:N0} records checked; {result.Problems.Count} problem(s):");
        foreach (string problem in result.Problems)
        {
            CliContext.Current.Console.MarkupLineInterpolated($"  - {problem}");
        }

        return ExitCodes.Failed;
    }

    private static (long, string)? ParseHead(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[] parts = text.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long sequence) || parts[1].Length != 64)
        {
            throw new ArgumentException($"--expect-head: '{text}' is not SEQUENCE:HASH (a number, a colon and 64 hex digits).");
        }

        return (sequence, parts[1]);
    }
}
