using Tagwatch.Simulation;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Imports;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>The simulator's loader and staging, built on the services of a database the console opened: the product's
/// composition knows nothing of the simulator, so only <c>demo</c> and <c>simulate</c> put the two together.</summary>
internal static class PilotServices
{
    /// <summary>Loads a simulated pilot into <paramref name="services"/>' database.</summary>
    public static SimulationLoader Loader(Workspace services) =>
        new(services.Get<OffenderService>(), services.Get<IOffenderStore>(), services.Get<ITagDirectory>(), services.Get<IFixStore>(), services.Get<Application.Ingest.IIngestStore>(), services.Get<CrimeImporter>(), services.Get<FixQualityRules>());

    /// <summary>Stages a loaded pilot in the present (conditions, alerts, matches under review); <paramref name="clock"/>
    /// must be the clock <paramref name="services"/> were opened with, as staging holds it at the times each step happened.</summary>
    public static PilotStaging Staging(Workspace services, ReplayClock clock) =>
        new(
            services.Get<IOffenderStore>(), services.Get<IConditionStore>(), services.Get<LicenceMonitor>(), services.Get<IAlertStore>(), services.Get<AlertDesk>(),
            services.Get<ScoredCorrelation>(), services.Get<ICorrelationStore>(), services.Get<MatchReview>(), clock);
}
