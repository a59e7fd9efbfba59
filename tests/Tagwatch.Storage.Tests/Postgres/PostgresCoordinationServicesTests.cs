using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application;
using Tagwatch.Application.Maintenance;
using Tagwatch.Application.Monitoring;
using Tagwatch.Storage.Postgres;
using Tagwatch.Storage.Postgres.Coordination;

namespace Tagwatch.Storage.Tests.Postgres;

/// <summary>AddTagwatchPostgres registers the coordination of several nodes: leases, tag locks and the feed across nodes.</summary>
public sealed class PostgresCoordinationServicesTests
{
    [Fact]
    public async Task AddTagwatchPostgres_RegistersLeasesTagLocksAndTheFeedAcrossNodes()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        await using var database = await PostgresDatabase.OpenAsync(server.ConnectionString, TestContext.Current.CancellationToken);
        var services = new ServiceCollection().AddTagwatchApplication().AddTagwatchPostgres(database);
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<PostgresWorkLeases>(provider.GetRequiredService<IWorkLeases>());
        Assert.IsType<PostgresTagLocks>(provider.GetRequiredService<ITagMonitoringLocks>());
        Assert.IsType<PostgresAlertFeed>(provider.GetRequiredService<IAlertFeed>());
    }
}
