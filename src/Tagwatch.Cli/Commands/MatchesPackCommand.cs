using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Matches;
using Tagwatch.Core.Access;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Disclosure.Pdf;
using Tagwatch.Disclosure.Pdf.Maps;
using Microsoft.Extensions.Configuration;

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
        // The street map source is checked before the export is recorded: wrong settings stop here with every problem named.
        var tiles = MapTileSource.Create(AppSettings.Read().GetSection(MapTileOptions.Section).Get<MapTileOptions>(), services.Database.LocalFolder, CliContext.Current.Clock);
        using var ownedTiles = tiles as IDisposable;
        // The use case records the export before the pack leaves for the file; the file is written whole or not at all.
        var result = await services.Provider.GetRequiredService<GetDisclosurePack>()
            .ExecuteAsync(ConsoleActor.In(Role.MatchReviewer), new MatchRequest(settings.Id), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        using var pdf = new MemoryStream();
        await DisclosurePackPdf.RenderAsync(result.Value, pdf, tiles, cancellationToken);
        await WholeFile.WriteAsync(settings.Out, file => file.WriteAsync(pdf.GetBuffer().AsMemory(0, (int)pdf.Length), cancellationToken).AsTask());
        CliContext.Current.Console.MarkupLineInterpolated($"Disclosure pack of match {settings.Id} written to {settings.Out}.");
        return ExitCodes.Ok;
    }
}
