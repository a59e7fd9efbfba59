using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Crimes;
using Tagwatch.Cli.Hosting;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Crimes;

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
        public string Force { get; init; } = ImportCrimes.DefaultForce;

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
            !CrimeFileFormats.TryParse(Format, out _) ? ValidationResult.Error($"--format must be {CrimeFileFormats.Names}")
            : PoliceForce.Find(Force) is null ? ValidationResult.Error($"--force '{Force}' is not a known police force")
            : Boroughs.FirstOrDefault(b => BoroughMap.London.Find(b) is null) is { } unknown ? ValidationResult.Error($"--borough '{unknown}' is not a London borough")
            : ValidationResult.Success();

        /// <summary>Who imports: police of the boroughs given, else the hub (whose scope covers every crime).</summary>
        public Actor Importer => Boroughs.Length == 0 ? ConsoleActor.In(Role.MatchReviewer)
            : new Actor(ConsoleActor.Name, Role.Police, Boroughs.Select(b => BoroughMap.London.Find(b)!.Code).ToHashSet(), new HashSet<string>());
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!CrimeFileFormats.TryParse(settings.Format, out var format))
        {
            throw new InvalidOperationException($"--format must be {CrimeFileFormats.Names}"); // Validate refused it already
        }

        await using var stream = InputFile.Open(settings.File);
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var import = services.Provider.GetRequiredService<ImportCrimes>();
        var request = new ImportCrimesRequest(format, reader, settings.Force, Correlate: !settings.NoCorrelate);
        var result = await FileProgress.RunAsync("Importing crimes", stream, !settings.Json, () => import.ExecuteAsync(settings.Importer, request, cancellationToken));
        if (!result.Succeeded)
        {
            CliContext.Current.Error.WriteLine(UseCaseExit.Message(result.Failure));
            return UseCaseExit.Code(result.Failure);
        }

        int exitCode = ReportPrinter.Print(result.Value.Report, settings.Json);
        if (result.Value.Correlation is { } correlation)
        {
            IncrementalCorrelation.Print("new or changed crimes", correlation);
        }

        return exitCode;
    }
}
