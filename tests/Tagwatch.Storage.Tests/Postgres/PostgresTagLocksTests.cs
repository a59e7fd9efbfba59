using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Storage.Monitoring;
using Tagwatch.Storage.Postgres;
using Tagwatch.Storage.Postgres.Coordination;

namespace Tagwatch.Storage.Tests.Postgres;

/// <summary>Licence monitors of two nodes told of the same tags' device reports at once (a device reconnected to the
/// other node): each alert is opened once, and the other node's report is folded into it.</summary>
public sealed class PostgresTagLocksTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoMonitorsRacing_OnTheSameTagsReports_OpenEachAlertOnce()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        await using var nodeA = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        await using var nodeB = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        var tags = Enumerable.Range(0, 20).Select(i => TagId.Parse($"3597100490{i:D5}")).ToList();
        var directory = new WornTags(tags);
        var monitorA = Monitor(nodeA, directory, new PostgresTagLocks(nodeA));
        var monitorB = Monitor(nodeB, directory, new PostgresTagLocks(nodeB));
        var time = Instant.FromDateTimeOffset(Now);
        var sos = tags.Select(t => new DeviceEventRecord(t, time, time, "sos")).ToList();

        await Task.WhenAll(
            Task.Run(() => monitorA.OnDeviceReportsAsync(sos, [], Token), Token),
            Task.Run(() => monitorB.OnDeviceReportsAsync(sos, [], Token), Token));

        var alerts = await new EfAlertStore(nodeA).ListAsync(cancellationToken: Token);
        Assert.Equal(tags.Count, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(1, a.Repeats)); // the second node's report folded into the first's alert
    }

    [Fact]
    public async Task Hold_TheSameTagOnTwoNodes_TheSecondWaitsUntilTheFirstReleases()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        await using var nodeA = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        await using var nodeB = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        var tag = TagId.Parse("359710049012345");
        var first = await new PostgresTagLocks(nodeA).HoldAsync(tag, Token);

        var second = new PostgresTagLocks(nodeB).HoldAsync(tag, Token).AsTask();
        await using (await new PostgresTagLocks(nodeB).HoldAsync(TagId.Parse("359710049054321"), Token))
        {
            // another tag is not held up; by now the second request for the first tag has been waiting a round trip
        }

        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await using var taken = await second.WaitAsync(TimeSpan.FromSeconds(60), Token);
    }

    private static LicenceMonitor Monitor(PostgresDatabase database, ITagDirectory directory, ITagMonitoringLocks locks) => new(
        new EfConditionStore(database, new FakeTimeProvider(Now)),
        new EfAlertStore(database),
        null!, // device reports read no fixes
        directory,
        null!, // nor contacts
        locks,
        new MonitoringOptions(),
        new FakeTimeProvider(Now),
        NullLogger<LicenceMonitor>.Instance);

    /// <summary>Every one of <paramref name="tags"/> worn by its own person since a day ago.</summary>
    private sealed class WornTags(IReadOnlyList<TagId> tags) : ITagDirectory
    {
        private readonly IReadOnlyList<TagAssignment> _worn = [.. tags.Select(t => new TagAssignment(t, new OffenderId(Guid.NewGuid()), Instant.FromDateTimeOffset(Now) - Duration.FromDays(1), null))];

        public Task<IReadOnlyList<TagAssignment>> MonitoredAssignmentsAsync(CancellationToken cancellationToken = default) => Task.FromResult(_worn);

        public Task<IReadOnlyList<TagAssignment>> AssignmentsAsync(CancellationToken cancellationToken = default) => Task.FromResult(_worn);

        public Task<IReadOnlySet<TagId>> FindRegisteredAsync(IReadOnlyCollection<TagId> ids, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<Tag>> FindAsync(IReadOnlyCollection<TagId> ids, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task RegisterAsync(IReadOnlyCollection<Tag> tags, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<Tag>> ListAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task AssignAsync(TagId tag, OffenderId offender, Instant from, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CorrectAssignmentAsync(TagId tag, OffenderId offender, Instant from, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task EndAssignmentAsync(TagId tag, Instant at, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
