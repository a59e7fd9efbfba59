using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Fixes;
using Tagwatch.Core.Access;
using Tagwatch.Protocols.Csv;
using Tagwatch.Protocols.GeoJson;
using Tagwatch.Protocols.Gpx;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch export fixes --tag ID [--from T1] [--to T2] --format csv|gpx|geojson [--out FILE]</c>.</summary>
internal sealed class ExportFixesCommand : AsyncCommand<ExportFixesCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--tag <ID>")]
        public string Tag { get; init; } = "";

        [CommandOption("--from <INSTANT>")]
        [Description("Start, ISO-8601 with offset (default: the first fix).")]
        public string? From { get; init; }

        [CommandOption("--to <INSTANT>")]
        [Description("End, ISO-8601 with offset (default: the last fix).")]
        public string? To { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("csv (the import format, all columns), gpx (GPX 1.1 track) or geojson (points with properties).")]
        public string Format { get; init; } = "csv";

        [CommandOption("--out <FILE>")]
        [Description("Write here (default: standard output).")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Format.ToLowerInvariant() is "csv" or "gpx" or "geojson" ? ValidationResult.Success() : ValidationResult.Error("--format must be csv, gpx or geojson");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var from = settings.From is null ? (Instant?)null : Parse(settings.From, "--from");
        var to = settings.To is null ? (Instant?)null : Parse(settings.To, "--to");
        var format = settings.Format.ToLowerInvariant() switch
        {
            "gpx" => FixExportFormat.Gpx,
            "geojson" => FixExportFormat.GeoJson,
            _ => FixExportFormat.Csv,
        };
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var result = await services.Provider.GetRequiredService<ExportFixes>()
            .ExecuteAsync(ConsoleActor.In(Role.MonitoringOfficer), new ExportFixesRequest(settings.Tag, from, to, format, settings.Out), cancellationToken);
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        var (tag, _, _, _, fixes) = result.Value;
        async Task WriteAsync(Stream stream)
        {
            switch (format)
            {
                case FixExportFormat.Gpx:
                {
                    await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
                    GpxWriter.Write(writer, tag, fixes);
                    break;
                }

                case FixExportFormat.GeoJson:
                    FixGeoJsonWriter.Write(stream, tag, fixes);
                    break;
                default:
                {
                    await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
                    var csv = new FixCsvWriter(writer);
                    csv.WriteHeader();
                    foreach (var fix in fixes)
                    {
                        csv.Write(tag, fix);
                    }

                    break;
                }
            }
        }

        if (settings.Out is null)
        {
            await using var stdout = CliContext.Current.OpenStandardOutput();
            await WriteAsync(stdout);
        }
        else
        {
            await WholeFile.WriteAsync(settings.Out, WriteAsync); // whole or not at all
        }

        if (settings.Out is not null)
        {
            CliContext.Current.Console.MarkupLineInterpolated($"{fixes.Count:N0} fixes of {tag} written to {settings.Out}.");
        }

        return ExitCodes.Ok;
    }

    private static Instant Parse(string text, string option) => OptionParsers.Instant(text, option);
}
