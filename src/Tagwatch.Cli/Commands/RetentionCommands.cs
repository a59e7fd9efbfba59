using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Retention;
using Tagwatch.Application.UseCases;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch retention run [--dry-run] [--trail-days N …]</c>: deletes data past retention, audited.</summary>
internal sealed class RetentionRunCommand : AsyncCommand<RetentionRunCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--dry-run")]
        [Description("Count what is due without deleting anything.")]
        public bool DryRun { get; init; }

        [CommandOption("--trail-days <DAYS>")]
        public int? TrailDays { get; init; }

        [CommandOption("--raw-frame-days <DAYS>")]
        public int? RawFrameDays { get; init; }

        [CommandOption("--alert-days <DAYS>")]
        public int? AlertDays { get; init; }

        [CommandOption("--match-days <DAYS>")]
        public int? MatchDays { get; init; }

        [CommandOption("--crime-days <DAYS>")]
        public int? CrimeDays { get; init; }

        [CommandOption("--identity-days <DAYS>")]
        [Description("Days after monitoring ended that a person's records are kept.")]
        public int? IdentityDays { get; init; }

        [CommandOption("--audit-days <DAYS>")]
        public int? AuditDays { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var defaults = new RetentionPolicy();
        var policy = new RetentionPolicy
        {
            TrailDays = settings.TrailDays ?? defaults.TrailDays,
            RawFrameDays = settings.RawFrameDays ?? defaults.RawFrameDays,
            AlertDays = settings.AlertDays ?? defaults.AlertDays,
            MatchDays = settings.MatchDays ?? defaults.MatchDays,
            CrimeDays = settings.CrimeDays ?? defaults.CrimeDays,
            IdentityDays = settings.IdentityDays ?? defaults.IdentityDays,
            AuditDays = settings.AuditDays ?? defaults.AuditDays,
        };
        var problems = policy.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<RunRetention>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new RunRetentionRequest(settings.DryRun, policy), cancellationToken);
        if (!result.Succeeded)
        {
            return Fail(result.Failure);
        }

        CliContext.Current.Console.MarkupLineInterpolated($"{(settings.DryRun ? "Due (nothing deleted)" : "Deleted")}: {result.Value.Counts}.");
        return ExitCodes.Ok;
    }

    internal static int Fail(UseCaseFailure failure)
    {
        CliContext.Current.Error.WriteLine(UseCaseExit.Message(failure));
        return UseCaseExit.Code(failure);
    }
}

/// <summary><c>tagwatch retention hold REF --reason …</c>: nothing of the person's is deleted while the hold stands.</summary>
internal sealed class RetentionHoldCommand : AsyncCommand<RetentionHoldCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<REF>")]
        public string Reference { get; init; } = "";

        [CommandOption("--reason <TEXT>")]
        public string? Reason { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<PlaceLegalHold>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new PlaceLegalHoldRequest(settings.Reference, settings.Reason), cancellationToken);
        if (!result.Succeeded)
        {
            return RetentionRunCommand.Fail(result.Failure);
        }

        var hold = result.Value;
        CliContext.Current.Console.MarkupLineInterpolated($"Legal hold on {hold.OffenderReference} since {OffenderView.Time(hold.Placed)}: {hold.Reason}");
        return ExitCodes.Ok;
    }
}

/// <summary><c>tagwatch retention lift REF --reason …</c>: the reason is required and kept on the audit record.</summary>
internal sealed class RetentionLiftCommand : AsyncCommand<RetentionHoldCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RetentionHoldCommand.Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<LiftLegalHold>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new LiftLegalHoldRequest(settings.Reference, settings.Reason), cancellationToken);
        if (!result.Succeeded)
        {
            return RetentionRunCommand.Fail(result.Failure);
        }

        CliContext.Current.Console.MarkupLineInterpolated($"Legal hold on {result.Value.OffenderReference} lifted.");
        return ExitCodes.Ok;
    }
}

/// <summary><c>tagwatch retention holds</c>.</summary>
internal sealed class RetentionHoldsCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ListLegalHolds>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new ListLegalHoldsRequest(), cancellationToken);
        if (!result.Succeeded)
        {
            return RetentionRunCommand.Fail(result.Failure);
        }

        var table = new Table().AddColumns("person", "reason", "placed", "by", "lifted");
        foreach (var h in result.Value)
        {
            table.AddRow(Markup.Escape(h.OffenderReference), Markup.Escape(h.Reason), OffenderView.Time(h.Placed), Markup.Escape(h.PlacedBy), h.Lifted is { } l ? $"{OffenderView.Time(l)} by {Markup.Escape(h.LiftedBy ?? "")}" : "standing");
        }

        CliContext.Current.Console.Write(table);
        return ExitCodes.Ok;
    }
}
