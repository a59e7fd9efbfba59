using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Matches;
using Tagwatch.Storage.Correlation;
using Tagwatch.Storage.Model;
using Tagwatch.Storage.Monitoring;
using Tagwatch.Storage.Postgres;

namespace Tagwatch.Storage.Tests.Postgres;

/// <summary>Two writers on one alert or match, each on its own node: one wins, the other is refused with "changed by
/// someone else, reload", and nothing either wrote is lost.</summary>
public sealed class PostgresConcurrentChangesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 10, 12, 0);

    [Fact]
    public async Task AlertUpdate_FromAReadSomeoneElseHasChangedSince_IsRefused_AndTheirChangeStands()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        await using var nodeA = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        await using var nodeB = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        var storeA = new EfAlertStore(nodeA);
        var storeB = new EfAlertStore(nodeB);
        var raised = await storeA.RaiseAsync(Sos(), "raised", Token);
        var readByA = (await storeA.FindAsync(raised.Id, Token))!;
        var readByB = (await storeB.FindAsync(raised.Id, Token))!;

        await storeA.UpdateAsync(readByA with { State = AlertState.Acknowledged }, new AlertHistoryEntry(Now, "acknowledged", "ann", ""), Token);
        var refused = await Assert.ThrowsAsync<NotAllowedNowException>(() =>
            storeB.UpdateAsync(readByB with { End = Now }, new AlertHistoryEntry(Now, "ended", "system", "back in contact"), Token));

        Assert.Contains("changed by someone else", refused.Message, StringComparison.Ordinal);
        var stored = (await storeB.FindAsync(raised.Id, Token))!;
        Assert.Equal(AlertState.Acknowledged, stored.State);
        Assert.Null(stored.End);
        Assert.Equal(["raised", "acknowledged"], (await storeB.HistoryAsync(raised.Id, Token)).Select(h => h.Action));
    }

    [Fact]
    public async Task Acknowledge_ByTwoOperatorsOnTwoNodesAtOnce_OneWins_TheOtherIsRefused()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        await using var nodeA = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        await using var nodeB = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        var clock = new FakeTimeProvider(Now.ToDateTimeOffset());
        var deskA = new AlertDesk(new EfAlertStore(nodeA), clock);
        var deskB = new AlertDesk(new EfAlertStore(nodeB), clock);
        var ids = new List<long>();
        for (int i = 0; i < 10; i++)
        {
            ids.Add((await new EfAlertStore(nodeA).RaiseAsync(Sos(), "raised", Token)).Id);
        }

        var outcomes = await Task.WhenAll(ids.SelectMany(id => new[]
        {
            Outcome(() => deskA.AcknowledgeAsync(id, "ann", null, Token)),
            Outcome(() => deskB.AcknowledgeAsync(id, "bob", null, Token)),
        }));

        Assert.Equal(ids.Count, outcomes.Count(won => won));
        foreach (long id in ids)
        {
            Assert.Single(await new EfAlertStore(nodeB).HistoryAsync(id, Token), h => h.Action == "acknowledged");
        }
    }

    [Fact]
    public async Task Review_ByTwoReviewersOnTwoNodesAtOnce_OneWins_TheOtherIsRefused_NothingLost()
    {
        await using var server = await TestPostgresDatabase.CreateAsync();
        await using var nodeA = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        await using var nodeB = await PostgresDatabase.OpenAsync(server.ConnectionString, Token);
        var ids = await SignificantMatchesAsync(nodeA, 10);
        var storeA = new EfCorrelationStore(nodeA);
        var storeB = new EfCorrelationStore(nodeB);

        var outcomes = await Task.WhenAll(ids.SelectMany(id => new[]
        {
            Outcome(() => storeA.ReviewAsync(id, new MatchReviewStep("ann", "MatchReviewer", MatchState.Qualified, null, "near in time and place"), Now, Token)),
            Outcome(() => storeB.ReviewAsync(id, new MatchReviewStep("bob", "MatchReviewer", MatchState.Qualified, null, "seen on the evidence map"), Now, Token)),
        }));

        Assert.Equal(ids.Count, outcomes.Count(won => won));
        foreach (long id in ids)
        {
            var review = Assert.Single(await storeB.ReviewsAsync(id, Token)); // the refused step left nothing behind
            Assert.Equal("new", review.FromState);
            Assert.Equal("qualified", (await storeB.ListMatchesAsync(Token)).Single(m => m.Id == id).State);
        }
    }

    /// <summary>True when the step was made; false when it was refused as not allowed now (taken, or changed meanwhile).</summary>
    private static async Task<bool> Outcome<T>(Func<Task<T>> step)
    {
        try
        {
            await step();
            return true;
        }
        catch (NotAllowedNowException)
        {
            return false;
        }
    }

    private static Alert Sos() =>
        new(0, AlertKind.Sos, AlertSeverity.Critical, AlertState.Open, TagId.Parse("359710049012345"), null, null, Now, null, Now, "SOS pressed", "{}", 0);

    private static async Task<List<long>> SignificantMatchesAsync(PostgresDatabase database, int count)
    {
        await using var context = database.CreateContext();
        var rows = Enumerable.Range(0, count).Select(i => new MatchRow
        {
            Force = "MPS", CrimeReference = $"CR-{i}", CrimeVersion = 1, DeviceId = "359710049012345", RunId = Guid.NewGuid(), Score = 0.9, Significant = true,
            FactorsJson = "[]", EvidenceJson = "[]", GapsJson = "[]", State = "new", ContentHash = $"hash-{i}", UpdatedUnixMs = Now.ToUnixTimeMilliseconds(),
        }).ToList();
        context.Matches.AddRange(rows);
        await context.SaveChangesAsync(Token);
        return [.. rows.Select(r => r.Id)];
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;
}
