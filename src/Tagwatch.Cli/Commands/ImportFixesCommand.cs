using System.ComponentModel;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Csv;
using Tagwatch.Protocols.Gpx;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch import fixes FILE [--format csv|gpx] [--tag ID] [--create-tags] [--json]</c>.</summary>
internal sealed class ImportFixesCommand : AsyncCommand<ImportFixesCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("CSV (tag_id,timestamp,lat,lon,accuracy_m[,speed_kmh,heading_deg,source]) or GPX 1.0/1.1.")]
        public string File { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("csv or gpx (default: from the file extension).")]
        public string? Format { get; init; }

        [CommandOption("--tag <ID>")]
        [Description("The tag whose fixes a GPX file holds (required for GPX).")]
        public string? Tag { get; init; }

        [CommandOption("--create-tags")]
        [Description("Register unknown tags instead of rejecting their rows.")]
        public bool CreateTags { get; init; }

        [CommandOption("--no-correlate")]
        [Description("Do not check what the import changed against crimes and trails straight away.")]
        public bool NoCorrelate { get; init; }

        [CommandOption("--json")]
        [Description("Print a one-line JSON summary instead of a table.")]
        public bool Json { get; init; }

        public string ResolvedFormat => (Format ?? Path.GetExtension(File).TrimStart('.')).ToLowerInvariant();

        public override ValidationResult Validate()
        {
            if (ResolvedFormat is not ("csv" or "gpx"))
            {
                return ValidationResult.Error($"--format must be csv or gpx (got '{ResolvedFormat}')");
            }

            if (ResolvedFormat == "gpx" && !TagId.TryParse(Tag, out _, out var error))
            {
                return ValidationResult.Error($"--tag is required for GPX: {error}");
            }

            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var stream = InputFile.Open(settings.File);
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var received = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        var rows = settings.ResolvedFormat == "gpx"
            ? GpxReader.Read(reader, TagId.Parse(settings.Tag!), received)
            : FixCsvReader.Read(reader, received);
        string protocol = settings.ResolvedFormat == "gpx" ? "gpx" : "import";
        var report = await FileProgress.RunAsync("Importing fixes", stream, !settings.Json,
            () => services.FixImporter.ImportAsync(rows, settings.CreateTags, protocol, cancellationToken));
        int exitCode = ReportPrinter.Print(report, settings.Json);
        if (!settings.NoCorrelate)
        {
            await IncrementalCorrelation.AfterImportAsync(services, report, cancellationToken);
        }

        return exitCode;
    }
}
