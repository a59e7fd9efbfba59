using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Matches;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;
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
    /// <summary>The use case of the decision (qualify, dismiss or disclose).</summary>
    protected abstract ReviewMatch UseCase(IServiceProvider provider);

    public override async Task<int> ExecuteAsync(CommandContext context, MatchStepSettings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await UseCase(services.Provider).ExecuteAsync(ConsoleActor.In(Role.MatchReviewer), new MatchDecisionRequest(settings.Id, settings.Reason), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var (entry, match) = result.Value;
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
    protected override ReviewMatch UseCase(IServiceProvider provider) => provider.GetRequiredService<QualifyMatch>();
}

internal sealed class MatchesDismissCommand : MatchesDecisionCommand
{
    protected override ReviewMatch UseCase(IServiceProvider provider) => provider.GetRequiredService<DismissMatch>();
}

internal sealed class MatchesDiscloseCommand : MatchesDecisionCommand
{
    protected override ReviewMatch UseCase(IServiceProvider provider) => provider.GetRequiredService<DiscloseMatch>();
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
        var result = await services.Provider.GetRequiredService<RecordOutcome>()
            .ExecuteAsync(PoliceOfEveryBorough(), new RecordOutcomeRequest(settings.Id, outcome, settings.Note), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        CliContext.Current.Console.MarkupLineInterpolated($"Match {settings.Id}: outcome {result.Value.Outcome} recorded.");
        return ExitCodes.Ok;
    }

    /// <summary>Outcomes are the police's to record; whoever runs the console holds the database itself, so it records
    /// them as police of every borough (the audit record names the console account in the police role).</summary>
    private static Actor PoliceOfEveryBorough() =>
        new(ConsoleActor.Name, Role.Police, BoroughMap.London.All.Select(b => b.Code).ToHashSet(StringComparer.Ordinal), new HashSet<string>());
}
