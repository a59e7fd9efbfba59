using Tagwatch.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Tags;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags assign ID --offender REF [--from ISO-INSTANT]</c>: an ordinary fitting, refused when it
/// would change whose stored fixes are (<c>tags correct</c> records that, with a reason).</summary>
internal sealed class TagsAssignCommand : AsyncCommand<TagsAssignCommand.Settings>
{
    internal sealed class Settings : TagFittingSettings
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var from = settings.From is null ? (NodaTime.Instant?)null : OptionParsers.Instant(settings.From, "--from");
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<AssignTag>()
            .ExecuteAsync(ConsoleActor.In(Role.Administrator), new AssignTagRequest(settings.Id, settings.Offender, from), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var fitted = result.Value;
        CliContext.Current.Console.MarkupLineInterpolated($"Tag {fitted.Tag} is worn by {fitted.Offender} from {InstantPattern.ExtendedIso.Format(fitted.From)}.");
        return ExitCodes.Ok;
    }
}
