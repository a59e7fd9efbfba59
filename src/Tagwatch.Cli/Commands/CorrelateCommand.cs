using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console.Cli;
using NodaTime;
using NodaTime.Text;
using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.UseCases;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Access;
using Tagwatch.Protocols.Csv;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch correlate [--strict] [--radius 100] [--pad 10m] [--all-tags] [--threshold 0.5] [--out FILE.csv]</c>.</summary>
internal sealed class CorrelateCommand : AsyncCommand<CorrelateCommand.Settings>
{
    internal sealed class Settings : DatabaseSettings
    {
        [CommandOption("--strict")]
        [Description("The plain question: every stored fix within --radius of the crime during its window ± --pad.")]
        public bool Strict { get; init; }

        [CommandOption("--radius <METRES>")]
        [Description("Strict: radius in metres; scored: the crime buffer (default 100).")]
        public double Radius { get; init; } = 100;

        [CommandOption("--pad <DURATION>")]
        [Description("Widening of each crime's window on both sides, e.g. 10m (default), 90s, 1h.")]
        public string Pad { get; init; } = "10m";

        [CommandOption("--all-tags")]
        [Description("Scored mode: check every tag with fixes, not only people at or above the scheme's correlation tier.")]
        public bool AllTags { get; init; }

        [CommandOption("--threshold <SCORE>")]
        [Description("Scored mode: score at or above which a match is significant (default 0.5).")]
        public double? Threshold { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Write the CSV here (default: standard output).")]
        public string? Out { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var pad = OptionParsers.Duration(settings.Pad, "--pad");
        if (settings.Out is not null)
        {
            WholeFile.CheckFolder(settings.Out); // before the run, not after it
        }

        var services = await Workspace.OpenAsync(settings, cancellationToken);
        var clock = Stopwatch.StartNew();
        var actor = ConsoleActor.In(Role.MatchReviewer);
        if (settings.Strict)
        {
            var strict = await services.Provider.GetRequiredService<RunStrictCorrelation>()
                .ExecuteAsync(actor, new RunStrictCorrelationRequest(settings.Radius, pad), cancellationToken);
            if (!strict.Succeeded)
            {
                return Refused(strict.Failure);
            }

            var matches = strict.Value;
            await WriteAsync(settings.Out, csv =>
            {
                csv.WriteHeader("crime_ref", "tag_id", "fix_count", "min_distance_m");
                foreach (var match in matches)
                {
                    csv.Text(match.CrimeReference).Text(match.Tag.Value).Number(match.FixCount).Number(match.MinDistanceMetres, "0.00");
                    csv.EndRow();
                }
            });
            Summary($"{matches.Count:N0} crime–tag pairs", settings.Out, clock);
            return ExitCodes.Ok;
        }

        var scored = await services.Provider.GetRequiredService<RunCorrelation>()
            .ExecuteAsync(actor, new RunCorrelationRequest(settings.AllTags, settings.Radius, pad, settings.Threshold), cancellationToken);
        if (!scored.Succeeded)
        {
            return Refused(scored.Failure);
        }

        var outcome = scored.Value;
        await WriteAsync(settings.Out, csv =>
        {
            csv.WriteHeader("crime_ref", "offender_ref", "tag_id", "score", "significant", "min_distance_m", "closest_time", "dwell_s", "gap_s", "factors");
            foreach (var m in outcome.Matches)
            {
                var f = m.Factors;
                string factors = string.Create(CultureInfo.InvariantCulture,
                    $"closeness={f.Closeness:0.000};dwell={f.Dwell:0.000};window={f.WindowOverlap:0.000};quality={f.FixQuality:0.000};relevance={f.CategoryRelevance:0.00};habitual={f.HabitualPlace:0.00}{(m.HabitualPlace is null ? "" : $" ({m.HabitualPlace})")}");
                string closest = InstantPattern.ExtendedIso.Format(Instant.FromUnixTimeMilliseconds(m.ClosestTimeUnixMs));
                csv.Text(m.Crime.Reference).Text(m.OffenderReference).Text(m.Tag.Value).Number(m.Score, "0.000").Boolean(m.Significant)
                    .Number(m.MinDistanceMetres, "0.00").Text(closest).Number(m.DwellSeconds, "0").Number(m.GapSeconds, "0").Text(factors);
                csv.EndRow();
            }
        });

        var run = outcome.Run;
        var saved = outcome.Saved;
        Summary($"run {run.Id}: {run.Crimes:N0} crimes × {run.Subjects:N0} subjects → {run.Matches:N0} matches, {run.Significant:N0} significant (stored: {saved.Created} new, {saved.Updated} updated, {saved.Unchanged} unchanged, {saved.Withdrawn} withdrawn, {saved.Amended} disclosed with an amendment)", settings.Out, clock);
        return ExitCodes.Ok;
    }

    private static int Refused(UseCaseFailure failure)
    {
        CliContext.Current.Error.WriteLine(UseCaseExit.Message(failure));
        return UseCaseExit.Code(failure);
    }

    /// <summary>Writes the CSV to standard output, or whole to the file (a refused or failed run leaves an earlier file as it was).</summary>
    private static async Task WriteAsync(string? file, Action<CsvWriter> write)
    {
        if (file is null)
        {
            write(new CsvWriter(CliContext.Current.Out));
            await CliContext.Current.Out.FlushAsync();
            return;
        }

        await WholeFile.WriteTextAsync(file, output =>
        {
            write(new CsvWriter(output));
            return Task.CompletedTask;
        });
    }

    private static void Summary(string what, string? file, Stopwatch clock)
    {
        string where = file is null ? "" : $" written to {file}";
        CliContext.Current.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}{where} in {clock.Elapsed.TotalSeconds:0.000} s."));
    }
}
