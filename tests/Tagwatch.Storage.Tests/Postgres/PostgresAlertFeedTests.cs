using NodaTime;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;
using Tagwatch.Storage.Monitoring;
using Tagwatch.Storage.Postgres;
using Tagwatch.Storage.Postgres.Coordination;

namespace Tagwatch.Storage.Tests.Postgres;

/// <summary>The alert feed across nodes: an alert raised and published on one node reaches a subscriber on another.</summary>
public sealed class PostgresAlertFeedTests
{
    [Fact]
    public async Task Publish_OnOneNode_ReachesTheSubscriberOfAnotherNode_ReadFromTheDatabase()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        await using var databaseA = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        await using var databaseB = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        var alertsA = new EfAlertStore(databaseA);
        await using var nodeA = new PostgresAlertFeed(databaseA, new AlertFeed(), alertsA);
        var localB = new AlertFeed();
        await using var nodeB = new PostgresAlertFeed(databaseB, localB, new EfAlertStore(databaseB));
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Token);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        await nodeB.Listening.WaitAsync(guard.Token);
        await using var changes = nodeB.SubscribeAsync(guard.Token).GetAsyncEnumerator(guard.Token);
        var next = changes.MoveNextAsync().AsTask(); // subscribes
        while (localB.Subscribers == 0)
        {
            await Task.Delay(10, guard.Token); // until the enumeration has subscribed
        }

        var now = Instant.FromUtc(2026, 3, 10, 12, 0);
        var raised = await alertsA.RaiseAsync(new Alert(0, AlertKind.Sos, AlertSeverity.Critical, AlertState.Open, TagId.Parse("359710049012345"), null, null, now, null, now, "SOS pressed", "{}", 0), "raised", Token);
        nodeA.Publish(raised, "raised");

        Assert.True(await next.WaitAsync(guard.Token));
        Assert.Equal("raised", changes.Current.Action);
        Assert.Equal(raised.Id, changes.Current.Alert.Id);
        Assert.Equal("SOS pressed", changes.Current.Alert.Summary); // read from the database: the notice carried only the id
    }

    [Fact]
    public void Payload_CarriesTheIdAndActionOnly()
    {
        Assert.Equal("42:acknowledged", PostgresAlertFeed.Payload(42, "acknowledged"));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
