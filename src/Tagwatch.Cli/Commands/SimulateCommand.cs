using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Diagnostics;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Fixes;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Simulation;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch simulate --tags N --days D --seed S [--out DIR] [--load]</c>.</summary>
internal sealed class SimulateCommand : AsyncCommand<SimulateCommand.Settings>
{
    internal class Settings : DatabaseSettings
    {
        [CommandOption("--tags <N>")]
        [Description("People (each with a tag). Default 100.")]
        public int Tags { get; init; } = 100;

        [CommandOption("--days <D>")]
        [Description("Days simulated. Default 30.")]
        public int Days { get; init; } = 30;

        [CommandOption("--seed <S>")]
        [Description("Random seed; the same seed gives the same files. Default 1.")]
        public int Seed { get; init; } = 1;

        [CommandOption("--start <DATE>")]
        [Description("First day (UK local), yyyy-MM-dd. Default: the pilot's start, 2019-02-18 (for demo: the days up to now).")]
        public string? Start { get; init; }

        [CommandOption("--until <INSTANT>")]
        [Description("Date the pilot to the present instead: the days up to this instant ('now' or ISO, e.g. 2026-12-04T09:00:00Z), the scheme open around it, people on licence through it.")]
        public string? Until { get; init; }

        [CommandOption("--crimes-per-day <N>")]
        public int CrimesPerDay { get; init; } = 400;

        [CommandOption("--out <DIR>")]
        [Description("Write fixes.csv, crimes.csv, offenders.csv, truth.csv and events.csv here.")]
        public string? Out { get; init; }

        [CommandOption("--load")]
        [Description("Also load the pilot into the database (--db): enrol, register tags, store fixes, import crimes.")]
        public bool Load { get; init; }

        /// <summary>The options these settings give, 'now' read from <paramref name="clock"/>.</summary>
        public SimulationOptions ToOptions(TimeProvider clock)
        {
            var options = new SimulationOptions { Tags = Tags, Days = Days, Seed = Seed, CrimesPerDay = CrimesPerDay };
            if (Until is not null && Start is not null)
            {
                throw new ArgumentException("give --start or --until, not both");
            }

            return Until is not null ? options with { Until = Until.Trim().Equals("now", StringComparison.OrdinalIgnoreCase) ? Instant.FromDateTimeOffset(clock.GetUtcNow()) : OptionParsers.Instant(Until, "--until") }
                : Start is not null ? options with { Start = OptionParsers.Date(Start, "--start") }
                : options;
        }

        public override ValidationResult Validate()
        {
            var problems = ToOptions(TimeProvider.System).Validate();
            return problems.Count > 0 ? ValidationResult.Error(string.Join("; ", problems)) : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Out is null && !settings.Load && settings.Db is null)
        {
            throw new ArgumentException("say where the pilot goes: --out DIR for files, and/or --load (with --db) for a database");
        }

        var clock = Stopwatch.StartNew();
        var pilot = PilotSimulation.Create(settings.ToOptions(TimeProvider.System));
        if (settings.Out is { } directory)
        {
            long written = await WithProgressAsync("Writing files", pilot.Offenders.Count, progress => SimulationWriter.WriteAsync(pilot, CliContext.Current.FullPath(directory), progress, cancellationToken));
            CliContext.Current.Console.MarkupLineInterpolated($"Wrote {written:N0} fixes, {pilot.Crimes.Count:N0} crimes ({pilot.Truth.Count:N0} with ground truth) and {pilot.Offenders.Count} people to {directory} in {clock.Elapsed.TotalSeconds:0.0} s.");
        }

        if (settings.Load || settings.Db is not null)
        {
            var workspace = await Workspace.OpenAsync(settings, cancellationToken);
            var summary = await WithProgressAsync("Loading database", pilot.Offenders.Count, progress => PilotServices.Loader(workspace).LoadAsync(pilot, progress, cancellationToken));
            Print(summary);
            var building = Stopwatch.StartNew();
            int days = await workspace.Get<IFixGridMaintenance>().RefreshAsync(cancellationToken);
            CliContext.Current.Console.MarkupLineInterpolated($"Built {days} day grid(s) for strict correlation in {building.Elapsed.TotalSeconds:0.0} s.");
        }

        return ExitCodes.Ok;
    }

    internal static void Print(SimulationLoader.Summary summary)
    {
        CliContext.Current.Console.MarkupLineInterpolated($"Enrolled {summary.Enrolled}; stored {summary.FixesStored:N0} fixes ({summary.FixesFlagged:N0} flagged); crimes: {summary.Crimes.Accepted:N0} new, {summary.Crimes.Duplicates:N0} already held.");
        // Many people can be refused for one reason (a full scheme): show a few, count the rest.
        foreach (var refusal in summary.Refused.Take(5))
        {
            CliContext.Current.Console.MarkupLineInterpolated($"[yellow]refused[/] {refusal}");
        }

        if (summary.Refused.Count > 5)
        {
            CliContext.Current.Console.MarkupLineInterpolated($"[yellow]… and {summary.Refused.Count - 5} more refused[/] (their tags and fixes are stored; enrol them once the scheme allows, e.g. tagwatch scheme set --capacity N)");
        }
    }

    internal static async Task<T> WithProgressAsync<T>(string label, int total, Func<IProgress<int>, Task<T>> work)
    {
        if (!FileProgress.IsInteractive)
        {
            return await work(new Progress<int>());
        }

        return await CliContext.Current.Console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask(label, maxValue: total);
            var result = await work(new SynchronousProgress(value => task.Value = value));
            task.Value = total;
            return result;
        });
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
