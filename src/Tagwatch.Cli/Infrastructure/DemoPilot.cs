using Tagwatch.Application.Correlation;
using Tagwatch.Application.Simulation;
using Tagwatch.Cli.Commands;
using Tagwatch.Correlation.Scored;
using Tagwatch.Storage;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Builds the demo pilot: a simulated scheme loaded into a demo-marked database, correlated once.</summary>
internal static class DemoPilot
{
    public sealed record Built(TagwatchServices Services, PilotSimulation Pilot, SimulationLoader.Summary Summary, ScoredCorrelation.Outcome Correlation);

    /// <summary>Builds into the database <paramref name="settings"/> name, which must not exist or be a demo database (unless <paramref name="replace"/>).</summary>
    public static async Task<Built> BuildAsync(DatabaseSettings settings, SimulationOptions options, CancellationToken cancellationToken, bool replace = false)
    {
        string path = Path.GetFullPath(settings.DatabasePath);
        if (File.Exists(path))
        {
            if (!replace && !await TagwatchDatabase.IsDemoAsync(path, cancellationToken))
            {
                throw new InvalidOperationException($"{path} exists and is not a demo database; use --db for another file or --replace to overwrite it");
            }

            TagwatchDatabase.Delete(path);
        }

        var pilot = PilotSimulation.Create(options);
        var services = await Workspace.OpenAsync(settings, cancellationToken);
        await services.Database.MarkAsDemoAsync(cancellationToken);
        var summary = await SimulateCommand.WithProgressAsync("Simulating pilot", pilot.Offenders.Count, progress => services.SimulationLoader.LoadAsync(pilot, progress, cancellationToken));
        var correlation = await services.ScoredCorrelation.RunAsync(new ScoringParameters(), allTags: false, "automatic", "demo", cancellationToken: cancellationToken);
        return new Built(services, pilot, summary, correlation);
    }
}
