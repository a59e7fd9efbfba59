using NodaTime;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Identity;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch tags assign ID --offender REF [--from ISO-INSTANT]</c>: an ordinary fitting, refused when it
/// would change whose stored fixes are (<c>tags correct</c> records that, with a reason).</summary>
internal sealed class TagsAssignCommand : AsyncCommand<TagsAssignCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<ID>")]
        public string Id { get; init; } = "";

        [CommandOption("--offender <REF>")]
        public string Offender { get; init; } = "";

        [CommandOption("--from <INSTANT>")]
        public string? From { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var id = TagId.TryParse(settings.Id, out var tag, out var error) ? tag : throw new ArgumentException(error);
        var from = settings.From is null ? Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow())
            : InstantPattern.ExtendedIso.Parse(settings.From) is { Success: true } parsed ? parsed.Value
            : throw new ArgumentException($"--from '{settings.From}' is not an ISO-8601 UTC instant");
        var workspace = await Workspace.OpenAsync(settings, cancellationToken);
        var (offender, _, _) = await workspace.Offenders.ShowAsync(OptionParsers.Reference(settings.Offender), cancellationToken);
        await workspace.Fitting.FitAsync(id, offender.Id, from, cancellationToken);
        await workspace.AuditAsync(Application.Audit.AuditActions.ChangeRecord, "offender", offender.Reference.ToString(), $"tag {id} worn from {from}", cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Tag {id} is worn by {offender.Reference} from {InstantPattern.ExtendedIso.Format(from)}.");
        return ExitCodes.Ok;
    }
}
