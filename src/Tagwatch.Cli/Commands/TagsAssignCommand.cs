using Tagwatch.Cli.Hosting;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;

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
        var id = settings.Tag();
        var from = settings.From is null ? Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()) : OptionParsers.Instant(settings.From, "--from");
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var (offender, _, _) = await workspace.Offenders.ShowAsync(OptionParsers.Reference(settings.Offender), cancellationToken);
        await workspace.Fitting.FitAsync(id, offender.Id, from, cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.ChangeRecord, "offender", offender.Reference.ToString(), $"tag {id} worn from {from}", cancellationToken);
        CliContext.Current.Console.MarkupLineInterpolated($"Tag {id} is worn by {offender.Reference} from {InstantPattern.ExtendedIso.Format(from)}.");
        return ExitCodes.Ok;
    }
}
