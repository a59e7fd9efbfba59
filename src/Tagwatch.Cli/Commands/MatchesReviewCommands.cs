using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Matches;

namespace Tagwatch.Cli.Commands;

/// <summary>Settings of a review step: the match and why.</summary>
internal sealed class MatchStepSettings : DatabaseSettings
{
    [CommandArgument(0, "<ID>")]
    public long Id { get; init; }

    [CommandOption("--reason <TEXT>")]
    [Description("Why (required; for a disclosure, its purpose). Recorded with the step and in the audit log.")]
    public string? Reason { get; init; }
}

/// <summary><c>tagwatch matches qualify|dismiss|disclose ID --reason …</c>.</summary>
internal abstract class MatchesDecisionCommand : AsyncCommand<MatchStepSettings>
{
    protected abstract MatchState To { get; }

    public override async Task<int> ExecuteAsync(CommandContext context, MatchStepSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var (entry, match) = await services.Review.DecideAsync(settings.Id, To, settings.Reason ?? "", ConsoleActor.Name, ConsoleActor.Role, cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"Match {settings.Id} ({match.CrimeReference}, {match.OffenderReference ?? match.Tag}): {entry.FromState} → {entry.ToState}.");
        if (entry.DisclosedTo is { } to)
        {
            CliContext.Current.Console.MarkupLineInterpolated($"Disclosed to {to}.");
        }

        return ExitCodes.Ok;
    }
}

internal sealed class MatchesQualifyCommand : MatchesDecisionCommand
{
    protected override MatchState To => MatchState.Qualified;
}

internal sealed class MatchesDismissCommand : MatchesDecisionCommand
{
    protected override MatchState To => MatchState.Dismissed;
}

internal sealed class MatchesDiscloseCommand : MatchesDecisionCommand
{
    protected override MatchState To => MatchState.Disclosed;
}

/// <summary><c>tagwatch matches outcome ID --outcome arrested [--note …]</c>: what came of a disclosed match.</summary>
internal sealed class MatchesOutcomeCommand : AsyncCommand<MatchesOutcomeCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<ID>")]
        public long Id { get; init; }

        [CommandOption("--outcome <OUTCOME>")]
        [Description("no-further-action, eliminated, arrested, charged or convicted.")]
        public string? Outcome { get; init; }

        [CommandOption("--note <TEXT>")]
        public string? Note { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var outcome = OptionParsers.Enum<PoliceOutcome>(settings.Outcome, "--outcome");
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var entry = await services.Review.RecordOutcomeAsync(settings.Id, outcome, settings.Note, ConsoleActor.Name, ConsoleActor.Role, cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"Match {settings.Id}: outcome {entry.Outcome} recorded.");
        return ExitCodes.Ok;
    }
}
