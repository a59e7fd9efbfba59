using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Disclosure;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Disclosure.Pdf;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch matches pack ID --out FILE.pdf</c>: the disclosure pack of a disclosed match.</summary>
internal sealed class MatchesPackCommand : AsyncCommand<MatchesPackCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<ID>")]
        public long Id { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Where to write the PDF.")]
        public string Out { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Out))
        {
            throw new ArgumentException("--out is required: the PDF file to write.");
        }

        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var pack = await new DisclosurePackBuilder(services.Matches, services.Crimes, services.OffenderStore, services.Fixes).BuildAsync(settings.Id, ConsoleActor.Name, Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()), cancellationToken);
        using var pdf = new MemoryStream();
        DisclosurePackPdf.Render(pack, pdf);

        // Recorded before the pack leaves for the file; written whole or not at all.
        await services.Audit.AppendAsync(ConsoleActor.Event(
            AuditActions.Export, "match", settings.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"disclosure pack (PDF) to {settings.Out}; crime {pack.Match.Force}/{pack.Match.CrimeReference}; subject {pack.Match.OffenderReference ?? pack.Match.Tag}",
            pack.Disclosure.Reason, pack.Disclosure.DisclosedTo), cancellationToken);
        await WholeFile.WriteAsync(settings.Out, file => file.WriteAsync(pdf.GetBuffer().AsMemory(0, (int)pdf.Length), cancellationToken).AsTask());
        CliContext.Current.Console.MarkupLineInterpolated($"Disclosure pack of match {settings.Id} written to {settings.Out}.");
        return ExitCodes.Ok;
    }
}
