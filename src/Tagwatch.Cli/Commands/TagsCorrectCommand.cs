using Tagwatch.Cli.Hosting;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags correct ID --offender REF --from ISO-INSTANT --reason TEXT</c>: a fitting recorded as a
/// correction over fixes already stored (a fitting recorded late, a tag recorded on the wrong person).</summary>
internal sealed class TagsCorrectCommand : AsyncCommand<TagsCorrectCommand.Settings>
{
    internal sealed class Settings : TagFittingSettings
    {
        [CommandOption("--reason <TEXT>")]
        public string Reason { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var id = settings.Tag();
        var from = settings.From is null ? throw new ArgumentException("--from is required: the instant from which the correction applies")
            : OptionParsers.Instant(settings.From, "--from");
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var (offender, _, _) = await workspace.Offenders.ShowAsync(OptionParsers.Reference(settings.Offender), cancellationToken);
        await workspace.Fitting.CorrectAsync(id, offender.Id, offender.Reference.ToString(), from, settings.Reason, (ConsoleActor.Name, ConsoleActor.Role), cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"Corrected: tag {id} is worn by {offender.Reference} from {InstantPattern.ExtendedIso.Format(from)}; the crimes of the span since are queued to be checked again.");
        return ExitCodes.Ok;
    }
}
