using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;

namespace Tagwatch.Storage.Tests.Fixes;

public sealed class SqliteFixStoreTests
{
    private static readonly TagId TagA = TagId.Parse("359881030000001");
    private static readonly TagId TagB = TagId.Parse("359881030000002");
    private static readonly Instant Start = Instant.FromUtc(2019, 2, 18, 22, 0);

    private static List<Fix> Trail(int count, Instant start, double lat = 51.46, int stepSeconds = 60) =>
        Enumerable.Range(0, count).Select(i => Fix.Create(
            start.Plus(Duration.FromSeconds(i * (long)stepSeconds)), start.Plus(Duration.FromHours(1)),
            new GeoPoint(lat + i * 1e-5, -0.1156 - i * 1e-5), 5 + i % 7, i % 3 == 0 ? null : 4.2, i % 2 == 0 ? null : 123.4)).ToList();

    private static async Task<TemporaryDatabase> WithTagsAsync()
    {
        var db = await TemporaryDatabase.CreateAsync();
        await db.Tags.RegisterAsync([new Tag(TagA, "test", null), new Tag(TagB, "test", null)]);
        return db;
    }

    [Fact]
    public async Task AppendThenRead_TrailAcrossMidnight_ReturnsEveryFixInOrder()
    {
        await using var db = await WithTagsAsync();
        var trail = Trail(300, Start); // 22:00 to 03:00 the next day: two day chunks

        var result = await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagA] = trail.AsEnumerable().Reverse().ToList() });
        var read = await db.Fixes.ReadAsync(TagA, Instant.MinValue, Instant.MaxValue);

        Assert.Equal(300, result.Stored);
        Assert.Equal(0, result.Duplicates);
        Assert.Equal(trail, read);
        Assert.Equal(2, (await db.Fixes.StatisticsAsync()).Chunks);
    }

    [Fact]
    public async Task Append_SameFixesAgain_StoresNothingAndCountsDuplicates()
    {
        await using var db = await WithTagsAsync();
        var trail = Trail(100, Start);
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagA] = trail });

        var again = await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagA] = [.. trail, trail[5]] });

        Assert.Equal(0, again.Stored);
        Assert.Equal(101, again.Duplicates);
        Assert.Equal(100, (await db.Fixes.ReadAsync(TagA, Instant.MinValue, Instant.MaxValue)).Count);
    }

    [Fact]
    public async Task Append_LateFixesFillingAGap_AreMergedInTimeOrder()
    {
        await using var db = await WithTagsAsync();
        var trail = Trail(120, Start.Minus(Duration.FromHours(3)));
        var early = trail.Where((_, i) => i % 2 == 0).ToList();
        var late = trail.Where((_, i) => i % 2 == 1).ToList();
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagA] = early });

        var result = await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagA] = late });

        Assert.Equal(60, result.Stored);
        Assert.Equal(trail, await db.Fixes.ReadAsync(TagA, Instant.MinValue, Instant.MaxValue));
    }

    [Fact]
    public async Task Append_SameTimeDifferentPosition_KeepsBoth()
    {
        await using var db = await WithTagsAsync();
        var fix = Trail(1, Start)[0];
        var moved = Fix.Create(fix.Time, fix.Received, new GeoPoint(fix.Latitude + 0.001, fix.Longitude), 5);

        var result = await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagA] = [fix, moved] });

        Assert.Equal(2, result.Stored);
    }

    [Fact]
    public async Task Read_TimeRange_ReturnsOnlyFixesInsideItInclusive()
    {
        await using var db = await WithTagsAsync();
        var trail = Trail(300, Start);
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagA] = trail });

        var read = await db.Fixes.ReadAsync(TagA, trail[100].Time, trail[200].Time);

        Assert.Equal(trail[100..201], read);
    }

    [Fact]
    public async Task ReadMany_SeveralTags_KeepsTheirFixesApart()
    {
        await using var db = await WithTagsAsync();
        var a = Trail(50, Start);
        var b = Trail(70, Start, lat: 51.37);
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagA] = a, [TagB] = b });

        var read = await db.Fixes.ReadManyAsync([TagA, TagB, TagId.Parse("unregistered")], Instant.MinValue, Instant.MaxValue);

        Assert.Equal(a, read[TagA]);
        Assert.Equal(b, read[TagB]);
        Assert.Empty(read[TagId.Parse("unregistered")]);
    }

    [Fact]
    public async Task Append_UnknownTag_ThrowsAndWritesNothing()
    {
        await using var db = await WithTagsAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>>
        {
            [TagA] = Trail(10, Start),
            [TagId.Parse("ghost")] = Trail(10, Start),
        }));

        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await db.Fixes.StatisticsAsync()).Fixes);
    }

    [Fact]
    public async Task Append_ThenReopenTheFile_EveryFixIsThere()
    {
        await using var db = await WithTagsAsync();
        var trail = Trail(500, Start);
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagA] = trail });

        var reopened = new Storage.Fixes.SqliteFixStore(await db.ReopenAsync());

        Assert.Equal(trail, await reopened.ReadAsync(TagA, Instant.MinValue, Instant.MaxValue));
    }

    [Fact]
    public async Task Statistics_CountsFixesChunksAndBytes()
    {
        await using var db = await WithTagsAsync();
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagA] = Trail(1440, Instant.FromUtc(2019, 2, 19, 0, 0)) });

        var stats = await db.Fixes.StatisticsAsync();

        Assert.Equal(1, stats.Tags);
        Assert.Equal(1440, stats.Fixes);
        Assert.Equal(1, stats.Chunks);
        Assert.InRange(stats.PayloadBytes, 10, 1440 * 12);
    }
}
