using Tagwatch.Simulation;
using Tagwatch.Storage;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>The simulator's loader and staging, built on the services of a database the console opened: the product's
/// composition knows nothing of the simulator, so only <c>demo</c> and <c>simulate</c> put the two together.</summary>
internal static class PilotServices
{
    /// <summary>Loads a simulated pilot into <paramref name="services"/>' database.</summary>
    public static SimulationLoader Loader(TagwatchServices services) =>
        new(services.Offenders, services.OffenderStore, services.Tags, services.Fixes, services.CrimeImporter, services.Quality);

    /// <summary>Stages a loaded pilot in the present (conditions, alerts, matches under review); <paramref name="clock"/>
    /// must be the clock <paramref name="services"/> were opened with, as staging holds it at the times each step happened.</summary>
    public static PilotStaging Staging(TagwatchServices services, ReplayClock clock) =>
        new(services.OffenderStore, services.Conditions, services.Monitor, services.Alerts, services.AlertDesk, services.ScoredCorrelation, services.Matches, services.Review, clock);
}
