using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application;
using Tagwatch.Application.Maintenance;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Identity;
using Tagwatch.Storage.Coordination;

namespace Tagwatch.Storage.Tests.Coordination;

/// <summary>One process on its own SQLite file: every lease is held at once and never lost, tag locks never wait, and
/// the alert feed is the in-memory one — the server behaves as it did before several nodes were possible.</summary>
public sealed class OneProcessCoordinationTests
{
    [Fact]
    public async Task TryTake_AnyLease_IsHeldAndNeverLost()
    {
        var leases = new OneProcessWorkLeases();

        await using var first = await leases.TryTakeAsync(WorkLeaseNames.Retention, TestContext.Current.CancellationToken);
        await using var second = await leases.TryTakeAsync(WorkLeaseNames.Correlation, TestContext.Current.CancellationToken);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.True(await first.ConfirmAsync(TestContext.Current.CancellationToken));
        Assert.False(first.Lost.CanBeCanceled);
    }

    [Fact]
    public async Task Hold_TheSameTagTwice_DoesNotWait()
    {
        var locks = new OneProcessTagLocks();
        var tag = TagId.Parse("359710049012345");

        await using var first = await locks.HoldAsync(tag, TestContext.Current.CancellationToken);
        var second = locks.HoldAsync(tag, TestContext.Current.CancellationToken);

        Assert.True(second.IsCompleted);
        await (await second).DisposeAsync();
    }

    [Fact]
    public async Task AddTagwatchSqlite_RegistersTheOneProcessCoordination_AndTheInMemoryFeed()
    {
        string folder = Path.Combine(Path.GetTempPath(), "tagwatch-coordination-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var database = await TagwatchDatabase.OpenAsync(Path.Combine(folder, "tagwatch.db"), TestContext.Current.CancellationToken);
            var services = new ServiceCollection().AddTagwatchApplication().AddTagwatchSqlite(database);
            await using var provider = services.BuildServiceProvider();

            Assert.IsType<OneProcessWorkLeases>(provider.GetRequiredService<IWorkLeases>());
            Assert.IsType<OneProcessTagLocks>(provider.GetRequiredService<ITagMonitoringLocks>());
            Assert.Same(provider.GetRequiredService<AlertFeed>(), provider.GetRequiredService<IAlertFeed>());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
