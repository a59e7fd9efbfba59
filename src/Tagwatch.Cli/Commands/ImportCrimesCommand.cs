using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Crimes;
using Tagwatch.Protocols.Crimes;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch import crimes FILE --format moj|policeuk|tagwatch [--force KEY] [--borough B]… [--json]</c>.</summary>
internal sealed class ImportCrimesCommand : AsyncCommand<ImportCrimesCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<FILE>")]
        public string File { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("moj (crime-mapping batch), policeuk (street-level, area context only) or tagwatch (interchange CSV).")]
        public string Format { get; init; } = "";

        [CommandOption("--force <FORCE>")]
        [Description("Police force of a tagwatch-format file (default METROPOLITAN).")]
        public string Force { get; init; } = "METROPOLITAN";

        [CommandOption("--borough <BOROUGH>")]
        [Description("Import for the police of this borough (name or code; repeat for several): rows located elsewhere are rejected, naming the row and the borough.")]
        public string[] Boroughs { get; init; } = [];

        [CommandOption("--no-correlate")]
        [Description("Do not check what the import changed against crimes and trails straight away.")]
        public bool NoCorrelate { get; init; }

        [CommandOption("--json")]
        [Description("Print a one-line JSON summary instead of a table.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            Format.ToLowerInvariant() is not ("moj" or "policeuk" or "tagwatch") ? ValidationResult.Error("--format must be moj, policeuk or tagwatch")
            : PoliceForce.Find(Force) is null ? ValidationResult.Error($"--force '{Force}' is not a known police force")
            : Boroughs.FirstOrDefault(b => BoroughMap.London.Find(b) is null) is { } unknown ? ValidationResult.Error($"--borough '{unknown}' is not a London borough")
            : ValidationResult.Success();

        /// <summary>The police scope the import runs under, or null for an unscoped import.</summary>
        public Actor? Importer => Boroughs.Length == 0 ? null
            : new Actor(ConsoleActor.Name, Role.Police, Boroughs.Select(b => BoroughMap.London.Find(b)!.Code).ToHashSet(), new HashSet<string>());
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var stream = InputFile.Open(settings.File);
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var importer = services.CrimeImporter;
        var report = await FileProgress.RunAsync("Importing crimes", stream, !settings.Json, () => settings.Format.ToLowerInvariant() switch
        {
            "moj" => importer.ImportAsync(MojCrimeBatchReader.Read(reader), settings.Importer, cancellationToken),
            "policeuk" => importer.ImportAreaAsync(PoliceUkCsvReader.Read(reader), settings.Importer, cancellationToken),
            _ => importer.ImportAsync(TagwatchCrimeCsvReader.Read(reader, PoliceForce.Find(settings.Force)!), settings.Importer, cancellationToken),
        });
        await services.AuditAsync(Application.Audit.AuditActions.ImportCrimes, "crime", null, $"{settings.Format} file {Path.GetFileName(settings.File)}: {report.Rows} rows, {report.Accepted} accepted, {report.Rejected} rejected", cancellationToken);
        int exitCode = ReportPrinter.Print(report, settings.Json);
        if (!settings.NoCorrelate)
        {
            await IncrementalCorrelation.AfterImportAsync(services, report, cancellationToken);
        }

        return exitCode;
    }
}
