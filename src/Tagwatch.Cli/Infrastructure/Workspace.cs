using Tagwatch.Application.Fixes;
using Tagwatch.Application.Imports;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Simulation;
using Tagwatch.Core.Boroughs;
using Tagwatch.Storage;
using Tagwatch.Storage.Crimes;
using Tagwatch.Storage.Fixes;
using Tagwatch.Storage.Offenders;
using Tagwatch.Storage.Tags;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>The application's services on one database, composed for a CLI command.</summary>
internal sealed class Workspace
{
    private Workspace(TagwatchDatabase database)
    {
        Database = database;
        var clock = TimeProvider.System;
        Fixes = new SqliteFixStore(database);
        Tags = new EfTagDirectory(database, clock);
        Crimes = new EfCrimeStore(database);
        OffenderStore = new EfOffenderStore(database);
        Offenders = new OffenderService(OffenderStore, BoroughMap.London, clock);
        FixImporter = new FixImporter(Fixes, Tags, Quality);
        CrimeImporter = new CrimeImporter(Crimes, BoroughMap.London, clock);
        SimulationLoader = new SimulationLoader(Offenders, Tags, Fixes, CrimeImporter, Quality);
    }

    public TagwatchDatabase Database { get; }

    public FixQualityRules Quality { get; } = new();

    public SqliteFixStore Fixes { get; }

    public EfTagDirectory Tags { get; }

    public EfCrimeStore Crimes { get; }

    public EfOffenderStore OffenderStore { get; }

    public OffenderService Offenders { get; }

    public FixImporter FixImporter { get; }

    public CrimeImporter CrimeImporter { get; }

    public SimulationLoader SimulationLoader { get; }

    public static async Task<Workspace> OpenAsync(DatabaseSettings settings, CancellationToken cancellationToken) =>
        new(await TagwatchDatabase.OpenAsync(settings.DatabasePath, cancellationToken));
}
