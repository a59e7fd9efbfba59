using Tagwatch.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Tags;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

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
        var from = settings.From is null ? throw new ArgumentException("--from is required: the instant from which the correction applies")
            : OptionParsers.Instant(settings.From, "--from");
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<CorrectAssignment>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new CorrectAssignmentRequest(settings.Id, settings.Offender, from, settings.Reason), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var fitted = result.Value;
        CliContext.Current.Console.MarkupLineInterpolated($"Corrected: tag {fitted.Tag} is worn by {fitted.Offender} from {InstantPattern.ExtendedIso.Format(fitted.From)}; the crimes of the span since are queued to be checked again.");
        return ExitCodes.Ok;
    }
}
