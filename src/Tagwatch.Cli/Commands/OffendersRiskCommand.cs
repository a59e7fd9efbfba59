using Tagwatch.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Offenders;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch offenders risk REF --tier TIER --reason TEXT [--from yyyy-MM-dd]</c>.</summary>
internal sealed class OffendersRiskCommand : AsyncCommand<OffendersRiskCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<REF>")]
        public string Reference { get; init; } = "";

        [CommandOption("--tier <TIER>")]
        public string? Tier { get; init; }

        [CommandOption("--reason <TEXT>")]
        public string Reason { get; init; } = "";

        [CommandOption("--from <DATE>")]
        public string? From { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var tier = OptionParsers.Enum<RiskTier>(settings.Tier, "--tier");
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var change = await workspace.Offenders.ChangeRiskTierAsync(OptionParsers.Reference(settings.Reference), tier, settings.Reason, OptionParsers.OptionalDate(settings.From, "--from"), cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.ChangeRecord, "offender", settings.Reference.ToUpperInvariant(), $"risk tier {change.Tier} from {OffenderView.Date(change.EffectiveFrom)}: {change.Reason}", cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"Risk tier of {settings.Reference.ToUpperInvariant()} is {OptionParsers.Kebab(change.Tier.ToString())} from {OffenderView.Date(change.EffectiveFrom)}.");
        return ExitCodes.Ok;
    }
}
