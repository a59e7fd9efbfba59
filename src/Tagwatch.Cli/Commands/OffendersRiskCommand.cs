using Tagwatch.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Offenders;
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
        var from = OptionParsers.OptionalDate(settings.From, "--from");
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ChangeRiskTier>()
            .ExecuteAsync(ConsoleActor.ProbationForEveryone, new ChangeRiskTierRequest(settings.Reference, tier, settings.Reason, from), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var (offender, change) = result.Value;
        CliContext.Current.Console.MarkupLineInterpolated($"Risk tier of {offender.Reference} is {OptionParsers.Kebab(change.Tier.ToString())} from {OffenderView.Date(change.EffectiveFrom)}.");
        return ExitCodes.Ok;
    }
}
