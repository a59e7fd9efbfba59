using System.Text.Json;
using NodaTime;
using Npgsql;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Storage.Postgres;
using Tagwatch.Storage.Postgres.Fixes;
using Tagwatch.Storage.Tags;

namespace Tagwatch.Storage.Tests.Postgres;

/// <summary>The fix store on PostgreSQL: chunks merged and deduplicated as on SQLite, partitions made by month on
/// demand, one copy of each fix whatever two writers do at once, and plans that never scan a whole table.</summary>
public sealed class PostgresFixStoreTests : IAsyncLifetime
{
    private static readonly TagId Tag = TagId.Parse("359339075010001");
    private static readonly Instant Start = Instant.FromUtc(2019, 3, 1, 12, 0);

    private TestPostgresDatabase _server = null!;
    private PostgresDatabase _database = null!;
    private PostgresFixStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await TestPostgresDatabase.CreateAsync();
        _database = await PostgresDatabase.OpenAsync(_server.ConnectionString, TestContext.Current.CancellationToken);
        await new EfTagDirectory(_database, TimeProvider.System).RegisterAsync([new Tag(Tag, "gt06", null)], TestContext.Current.CancellationToken);
        _store = new PostgresFixStore(_database);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static Fix At(int minute, double latitude = 51.47) =>
        Fix.Create(Start + Duration.FromMinutes(minute), Start + Duration.FromMinutes(minute), new GeoPoint(latitude, -0.1), accuracyMetres: 8);

    private Task<Application.Fixes.FixAppendResult> AppendAsync(params Fix[] fixes) =>
        _store.AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = [.. fixes] }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Append_ThenRead_GivesTheFixesBackInOrder_AcrossDaysAndMonths()
    {
        var fixes = new[] { At(0), At(1), At(60 * 24), At(60 * 24 * 40) }; // 1 March, 2 March, 10 April
        var appended = await AppendAsync(fixes.Reverse().ToArray());

        var read = await _store.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue, TestContext.Current.CancellationToken);

        Assert.Equal(4, appended.Stored);
        Assert.Equal(fixes, read);
        Assert.Equal([At(1), At(60 * 24)], await _store.ReadAsync(Tag, At(1).Time, At(60 * 24).Time, TestContext.Current.CancellationToken));
        Assert.Equal(At(60 * 24 * 40).Time, await _store.LatestFixTimeAsync(Tag, TestContext.Current.CancellationToken));
        var statistics = await _store.StatisticsAsync(TestContext.Current.CancellationToken);
        Assert.Equal((1, 4L, 3L), (statistics.Tags, statistics.Fixes, statistics.Chunks));
        Assert.Equal(["fix_chunks_2019_03", "fix_chunks_2019_04"], await PartitionsAsync());
    }

    [Fact]
    public async Task Append_DuplicatesAndLateFixes_MergeIntoTheDay_EachFixOnce()
    {
        await AppendAsync(At(0), At(2));

        var again = await AppendAsync(At(0), At(1), At(2));

        Assert.Equal((1L, 2L), (again.Stored, again.Duplicates));
        Assert.Equal([At(0), At(1), At(2)], await _store.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TwoWritersAtOnce_WithOverlappingUploads_StoreEachFixOnce()
    {
        // Two nodes, each with its own pool, take the same retried upload (and some of their own) at the same moment.
        await using var second = await PostgresDatabase.OpenAsync(_server.ConnectionString, TestContext.Current.CancellationToken);
        var other = new PostgresFixStore(second);
        var shared = Enumerable.Range(0, 500).Select(i => At(i)).ToArray();
        var writes = Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? _store : other)
            .AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = [.. shared, At(1000 + i)] }, TestContext.Current.CancellationToken));

        var results = await Task.WhenAll(writes);

        var read = await _store.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue, TestContext.Current.CancellationToken);
        Assert.Equal(508, read.Count);
        Assert.Equal(508, read.Select(f => f.TimeUnixMs).Distinct().Count());
        Assert.Equal(508L, results.Sum(r => r.Stored));
    }

    [Fact]
    public async Task WritersNeedingTheSameNewMonth_AtOnce_BothSucceed()
    {
        await using var second = await PostgresDatabase.OpenAsync(_server.ConnectionString, TestContext.Current.CancellationToken);
        var inJune = Enumerable.Range(0, 4).Select(i => At(60 * 24 * 100 + i)).ToArray();

        await Task.WhenAll(
            AppendAsync(inJune[0], inJune[1]),
            new PostgresFixStore(second).AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = [inJune[2], inJune[3]] }, TestContext.Current.CancellationToken));

        Assert.Equal(inJune, await _store.ReadAsync(Tag, Instant.MinValue, Instant.MaxValue, TestContext.Current.CancellationToken));
        Assert.Contains("fix_chunks_2019_06", await PartitionsAsync());
    }

    [Fact]
    public async Task Append_ToAnUnregisteredTag_IsRefusedNamingIt_AndStoresNothing()
    {
        var stranger = TagId.Parse("359339075019999");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            _store.AppendAsync(new Dictionary<TagId, List<Fix>> { [Tag] = [At(0)], [stranger] = [At(0)] }, TestContext.Current.CancellationToken));

        Assert.Contains("359339075019999", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await _store.StatisticsAsync(TestContext.Current.CancellationToken)).Fixes);
    }

    [Fact]
    public async Task EveryChangeToADay_GivesItANewVersion()
    {
        await AppendAsync(At(0));
        long first = await DayVersionAsync(At(0));

        await AppendAsync(At(1));

        Assert.NotEqual(first, await DayVersionAsync(At(0)));
    }

    [Fact]
    public async Task HotQueries_PruneToTheirMonth_AndNeverScanAWholePartition()
    {
        // Three months of 300 tags: enough rows that a sequential scan would show, analysed so the planner knows.
        await using (var connection = await _database.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
            await using var load = new NpgsqlCommand("""
                SELECT tagwatch_fix_partition(d) FROM (VALUES (17956), (17987), (18017)) AS m(d);
                INSERT INTO fix_chunks ("TagKey", "Day", "StartUnixMs", "EndUnixMs", "MinLatitudeE7", "MaxLatitudeE7", "MinLongitudeE7", "MaxLongitudeE7", "Count", "Data")
                SELECT k, d, d::bigint * 86400000, d::bigint * 86400000 + 1, 0, 0, 0, 0, 1, '\x00'::bytea
                FROM generate_series(1000, 1299) AS k, generate_series(17956, 18046) AS d;
                ANALYZE fix_chunks;
                """, connection);
            await load.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        string[] hot =
        [
            // a tag's range (trail, correlation)
            """SELECT "TagKey", "Count", "Data" FROM fix_chunks WHERE "TagKey" = ANY(ARRAY[1005]) AND "Day" BETWEEN 17990 AND 17995 AND "EndUnixMs" >= 0 AND "StartUnixMs" <= 9000000000000 ORDER BY "TagKey", "Day" """,
            // the chunk a write merges into
            """SELECT c."TagKey", c."Day", c."Data" FROM fix_chunks c JOIN unnest(ARRAY[1005], ARRAY[17990]) AS g(t, d) ON c."TagKey" = g.t AND c."Day" = g.d WHERE c."Day" BETWEEN 17990 AND 17990""",
            // a day for its grid
            """SELECT "TagKey", "Data" FROM fix_chunks WHERE "Day" = 17990""",
            // the latest fix of a tag
            """SELECT c."EndUnixMs" FROM fix_chunks c WHERE c."TagKey" = 1005 ORDER BY c."Day" DESC LIMIT 1""",
        ];
        foreach (string query in hot)
        {
            var plan = await PlanAsync(query);
            Assert.DoesNotContain("\"Seq Scan\"", plan, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("fix_chunks_2019_03", await PlanAsync(hot[0]), StringComparison.Ordinal);
    }

    private async Task<string> PlanAsync(string query)
    {
        await using var connection = await _database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + query, connection);
        string plan = (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        return JsonDocument.Parse(plan).RootElement.ToString();
    }

    private async Task<List<string>> PartitionsAsync()
    {
        await using var connection = await _database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'fix_chunks'::regclass ORDER BY 1", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task<long> DayVersionAsync(Fix fix)
    {
        await using var connection = await _database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("""SELECT "Version" FROM fix_days WHERE "Day" = @day""", connection);
        command.Parameters.AddWithValue("day", (int)(fix.TimeUnixMs / 86_400_000));
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
