using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Matches;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch matches supplement ID --amendment N --reason …</c>: discloses an amendment of a disclosed match as a supplement.</summary>
internal sealed class MatchesSupplementCommand : AsyncCommand<MatchesSupplementCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<ID>")]
        public long Id { get; init; }

        [CommandOption("--amendment <N>")]
        [Description("The amendment's number, as `matches show` lists it.")]
        public int Amendment { get; init; }

        [CommandOption("--reason <TEXT>")]
        [Description("The supplement's purpose (required). Recorded with it and in the audit log.")]
        public string? Reason { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<DiscloseSupplement>()
            .ExecuteAsync(ConsoleActor.In(Role.MatchReviewer), new DiscloseSupplementRequest(settings.Id, settings.Amendment, settings.Reason), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var (amendment, match) = result.Value;
        CliContext.Current.Console.MarkupLineInterpolated($"Match {settings.Id} ({match.CrimeReference}, {match.OffenderReference ?? match.Tag}): amendment {amendment.Number} disclosed as a supplement to {amendment.Supplement?.DisclosedTo}.");
        return ExitCodes.Ok;
    }
}
