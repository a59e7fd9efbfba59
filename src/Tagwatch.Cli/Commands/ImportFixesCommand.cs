using System.ComponentModel;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Fixes;
using Tagwatch.Cli.Hosting;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Csv;
using Tagwatch.Protocols.Gpx;
using Tagwatch.Protocols.Nmea;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch import fixes FILE [--format csv|gpx|nmea] [--tag ID] [--create-tags] [--json]</c>.</summary>
internal sealed class ImportFixesCommand : AsyncCommand<ImportFixesCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("CSV (tag_id,timestamp,lat,lon,accuracy_m[[,speed_kmh,heading_deg,source]]), GPX 1.0/1.1, or an NMEA 0183 log.")]
        public string File { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("csv, gpx or nmea (default: from the file extension; .nmea and .log are NMEA).")]
        public string? Format { get; init; }

        [CommandOption("--tag <ID>")]
        [Description("The tag whose fixes a GPX or NMEA file holds (required for those).")]
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

        public string ResolvedFormat => (Format ?? Path.GetExtension(File).TrimStart('.')).ToLowerInvariant() switch
        {
            "log" => "nmea",
            var other => other,
        };

        public override ValidationResult Validate()
        {
            if (ResolvedFormat is not ("csv" or "gpx" or "nmea"))
            {
                return ValidationResult.Error($"--format must be csv, gpx or nmea (got '{ResolvedFormat}')");
            }

            if (ResolvedFormat is "gpx" or "nmea" && !TagId.TryParse(Tag, out _, out var error))
            {
                return ValidationResult.Error($"--tag is required for {ResolvedFormat.ToUpperInvariant()}: {error}");
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
        var rows = settings.ResolvedFormat switch
        {
            "gpx" => GpxReader.Read(reader, TagId.Parse(settings.Tag!), received),
            "nmea" => NmeaReader.Read(reader, TagId.Parse(settings.Tag!), received),
            _ => FixCsvReader.Read(reader, received),
        };
        string protocol = settings.ResolvedFormat == "csv" ? "import" : settings.ResolvedFormat;
        var request = new ImportFixesRequest(rows, Path.GetFileName(settings.File), protocol, settings.CreateTags, settings.Tag);
        var result = await FileProgress.RunAsync("Importing fixes", stream, !settings.Json,
            () => services.Provider.GetRequiredService<ImportFixes>().ExecuteAsync(ConsoleActor.In(Role.Administrator), request, cancellationToken));
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var report = result.Value;
        int exitCode = ReportPrinter.Print(report, settings.Json);
        if (!settings.NoCorrelate)
        {
            await IncrementalCorrelation.AfterImportAsync(services, report, cancellationToken);
        }

        return exitCode;
    }
}
