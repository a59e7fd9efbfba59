using NodaTime;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;

namespace Tagwatch.Storage.Tests.Monitoring;

public sealed class AlertFeedTests
{
    [Fact]
    public async Task SlowSubscriber_KeepsTheNewestChangesAndDoesNotBlockPublishing()
    {
        var feed = new AlertFeed { Capacity = 3 };
        using var stop = new CancellationTokenSource();
        await using var subscription = feed.SubscribeAsync(stop.Token).GetAsyncEnumerator();
        var pending = subscription.MoveNextAsync(); // subscribes
        for (int i = 1; i <= 10; i++)
        {
            feed.Publish(Alert(i), "raised");
        }

        var seen = new List<long>();
        Assert.True(await pending);
        seen.Add(subscription.Current.Alert.Id);
        while (seen.Count < 3 && await subscription.MoveNextAsync())
        {
            seen.Add(subscription.Current.Alert.Id);
        }

        Assert.Equal(3, seen.Count);
        Assert.Equal(10, seen[^1]);
    }

    private static Alert Alert(long id) =>
        new(id, AlertKind.Sos, AlertSeverity.Critical, AlertState.Open, TagId.Parse("T1"), null, null, Instant.FromUtc(2026, 1, 1, 0, 0), null, Instant.FromUtc(2026, 1, 1, 0, 0), "sos", "{}", 0);
}
