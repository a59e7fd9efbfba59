using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Application.Offenders;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Core.Boroughs;
using Tagwatch.Simulation;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch demo [--db PATH] [--tags N] [--days D] [--seed S]</c>: a simulated pilot in the present in a fresh
/// database, summarised: the last D days up to now, people on licence, conditions, alerts and matches to work on.</summary>
/// <remarks>The database is marked as a demo; running the demo again replaces a demo database but never any other file.</remarks>
internal sealed class DemoCommand : AsyncCommand<DemoCommand.Settings>
{
    internal sealed class Settings : SimulateCommand.Settings
    {
        [CommandOption("--replace")]
        [Description("Replace the database file even if it is not a demo database.")]
        public bool Replace { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (workspace, pilot, summary, staged, correlation) = await DemoPilot.BuildAsync(settings, settings, TimeProvider.System, cancellationToken, settings.Replace);
        clock.Stop();

        SimulateCommand.Print(summary);
        var byBorough = new Table().Title("Caseload by home borough").AddColumns("borough", "people", "low", "medium", "high", "very high");
        var offenders = await workspace.Get<OffenderService>().ListAsync(cancellationToken);
        foreach (var group in offenders.GroupBy(o => o.HomeBoroughCode).OrderBy(g => g.Key))
        {
            byBorough.AddRow(
                Markup.Escape(BoroughMap.London.Find(group.Key)?.Name ?? group.Key),
                Count(group.Count()),
                Count(group.Count(o => o.RiskTier == Core.Offenders.RiskTier.Low)),
                Count(group.Count(o => o.RiskTier == Core.Offenders.RiskTier.Medium)),
                Count(group.Count(o => o.RiskTier == Core.Offenders.RiskTier.High)),
                Count(group.Count(o => o.RiskTier == Core.Offenders.RiskTier.VeryHigh)));
        }

        CliContext.Current.Console.Write(byBorough);
        var stats = (await StatsCommand.GatherAsync(workspace.Provider, workspace.Description, cancellationToken)).Value;
        var table = new Table().Title("Demo pilot").AddColumns("", "");
        foreach (var (key, value) in stats)
        {
            table.AddRow(key, Markup.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
        }

        table.AddRow("planted / decoy crimes", $"{pilot.Truth.Count(t => t.Kind == GroundTruthKind.Planted)} / {pilot.Truth.Count(t => t.Kind == GroundTruthKind.Decoy)}");
        table.AddRow("matches / significant", $"{correlation.Run.Matches} / {correlation.Run.Significant} ({correlation.Run.Subjects} people at or above the correlation tier)");
        if (staged is not null)
        {
            table.AddRow("licence conditions", $"{staged.Conditions} (curfews and exclusion zones)");
            table.AddRow("alerts open / resolved", $"{staged.OpenAlerts} / {staged.ResolvedAlerts}");
            table.AddRow("significant matches awaiting review", Count(staged.AwaitingReview));
            table.AddRow("disclosed with an outcome", staged.Disclosed is { } d ? Markup.Escape($"match {d.Id} (crime {d.CrimeReference}, {d.OffenderReference}): {d.Outcome}") : "none");
        }

        table.AddRow("period", Markup.Escape($"{OffenderView.Time(pilot.HistoryStart)} to {OffenderView.Time(pilot.HistoryEnd)} ({pilot.Options.Days} days)"));
        table.AddRow("built in", $"{clock.Elapsed.TotalSeconds:0.0} s");
        CliContext.Current.Console.Write(table);
        return ExitCodes.Ok;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
