using Tagwatch.Cli.Hosting;
using Tagwatch.Cli.Commands;
using Tagwatch.Correlation.Scored;
using Tagwatch.Simulation;
using Tagwatch.Storage;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Builds the demo pilot: a simulated scheme loaded into a demo-marked database and brought to the present —
/// conditions set, alerts raised and handled, matches correlated, one disclosed with a police outcome.</summary>
internal static class DemoPilot
{
    public sealed record Built(Workspace Services, PilotSimulation Pilot, SimulationLoader.Summary Summary, PilotStaging.Summary? Staged, Application.Correlation.ScoredCorrelation.Outcome Correlation);

    /// <summary>Builds into the database <paramref name="settings"/> name, which must not exist or be a demo database (unless
    /// <paramref name="replace"/>). Unless the simulation settings give --start, the pilot's history ends now.</summary>
    public static async Task<Built> BuildAsync(DatabaseSettings settings, SimulateCommand.Settings simulation, TimeProvider clock, CancellationToken cancellationToken, bool replace = false)
    {
        if (settings.Location.IsPostgres)
        {
            throw new ArgumentException("The demo pilot is built in its own SQLite file (--db): it never writes into a PostgreSQL database. Load a simulated pilot there with `simulate --load --postgres …`.");
        }

        string path = CliContext.Current.FullPath(settings.DatabasePath);
        if (File.Exists(path))
        {
            if (!replace && !await TagwatchDatabase.IsDemoAsync(path, cancellationToken))
            {
                throw new InvalidOperationException($"{path} exists and is not a demo database; use --db for another file or --replace to overwrite it");
            }

            TagwatchDatabase.Delete(path);
        }

        var options = simulation.ToOptions(clock);
        if (options.Until is null && simulation.Start is null)
        {
            options = options with { Until = NodaTime.Instant.FromDateTimeOffset(clock.GetUtcNow()) };
        }

        var pilot = PilotSimulation.Create(options);
        var replay = new ReplayClock(clock);
        await (await TagwatchDatabase.OpenAsync(settings.DatabasePath, cancellationToken)).MarkAsDemoAsync(cancellationToken);
        var services = await Workspace.OpenAsync(settings.DatabasePath, replay, cancellationToken);
        var summary = await SimulateCommand.WithProgressAsync("Simulating pilot", pilot.Offenders.Count, progress => PilotServices.Loader(services).LoadAsync(pilot, progress, cancellationToken));
        if (options.Until is null)
        {
            var correlation = await services.Get<Application.Correlation.ScoredCorrelation>().RunAsync(new ScoringParameters(), allTags: false, "automatic", "demo", cancellationToken: cancellationToken);
            return new Built(services, pilot, summary, null, correlation);
        }

        var staged = await PilotServices.Staging(services, replay).StageAsync(pilot, cancellationToken);
        return new Built(services, pilot, summary, staged, staged.Correlation);
    }
}
