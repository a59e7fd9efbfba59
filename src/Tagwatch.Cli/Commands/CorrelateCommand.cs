using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Correlation;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Correlation.Strict;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch correlate --strict --radius 100 --pad 10m [--out FILE.csv]</c>.</summary>
internal sealed class CorrelateCommand : AsyncCommand<CorrelateCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--strict")]
        [Description("The plain question: every stored fix within --radius of the crime during its window ± --pad.")]
        public bool Strict { get; init; }

        [CommandOption("--radius <METRES>")]
        [Description("Radius in metres (default 100).")]
        public double Radius { get; init; } = 100;

        [CommandOption("--pad <DURATION>")]
        [Description("Widening of each crime's window on both sides, e.g. 10m (default), 90s, 1h.")]
        public string Pad { get; init; } = "10m";

        [CommandOption("--out <FILE>")]
        [Description("Write the CSV here (default: standard output).")]
        public string? Out { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!settings.Strict)
        {
            throw new ArgumentException("only --strict is available in this version; scored correlation is being built");
        }

        var parameters = new StrictParameters(settings.Radius, OptionParsers.Duration(settings.Pad, "--pad"));
        parameters.Validate();
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var clock = Stopwatch.StartNew();
        var matches = await new StrictCorrelation(services.Crimes, new TrailLoader(services.Fixes, services.Tags)).RunAsync(parameters, cancellationToken);
        clock.Stop();

        await using var output = settings.Out is null ? Console.Out : new StreamWriter(settings.Out, append: false) { NewLine = "\n" };
        await output.WriteLineAsync("crime_ref,tag_id,fix_count,min_distance_m");
        foreach (var match in matches)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Csv(match.CrimeReference)},{match.Tag},{match.FixCount},{match.MinDistanceMetres:0.00}"));
        }

        if (settings.Out is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"{matches.Count:N0} crime–tag pairs written to {settings.Out} in {clock.Elapsed.TotalSeconds:0.000} s.");
        }

        return ExitCodes.Ok;
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
