using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Retention;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Correlation;
using Tagwatch.Correlation.Grid;
using Tagwatch.Correlation.Strict;
using Tagwatch.Correlation.Trails;
using Tagwatch.Simulation;

namespace Tagwatch.Storage.Tests.Fixes;

public sealed class SqliteFixGridsTests
{
    private static readonly TagId TagA = TagId.Parse("359881030000001");
    private static readonly TagId TagB = TagId.Parse("359881030000002");
    private static readonly Instant Start = Instant.FromUtc(2019, 2, 18, 22, 0); // trails cross midnight: two days

    private static List<Fix> Trail(int count, Instant start, double lat) =>
        Enumerable.Range(0, count).Select(i => Fix.Create(
            start.Plus(Duration.FromMinutes(i)), start.Plus(Duration.FromHours(1)), new GeoPoint(lat + i * 1e-5, -0.1156 - i * 1e-5), 8)).ToList();

    private static async Task<TemporaryDatabase> WithTrailsAsync()
    {
        var db = await TemporaryDatabase.CreateAsync();
        await db.Tags.RegisterAsync([new Tag(TagA, "test", null), new Tag(TagB, "test", null)]);
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagA] = Trail(240, Start, 51.46), [TagB] = Trail(240, Start, 51.47) });
        return db;
    }

    private static Task<FixGrid> LoadAllAsync(TemporaryDatabase db) => db.FixGrids.LoadAsync(Start - Duration.FromDays(1), Start + Duration.FromDays(2));

    private static Dictionary<string, DateTime> Files(TemporaryDatabase db) =>
        Directory.EnumerateFiles(((Storage.Fixes.SqliteFixGrids)db.FixGrids).Folder).ToDictionary(f => Path.GetFileName(f), f => File.GetLastWriteTimeUtc(f));

    /// <summary>Every fix of the grid as (tag, time, position), in a fixed order, for comparing grids.</summary>
    private static List<(string, long, int, int)> Contents(FixGrid grid)
    {
        var fixes = new List<(string, long, int, int)>();
        foreach (var day in grid.Days)
        {
            for (int k = 0; k < day.CellKeys.Length; k++)
            {
                var (row, column) = GridCells.Of(day.CellKeys[k]);
                for (int i = day.CellStarts[k]; i < day.CellStarts[k + 1]; i++)
                {
                    fixes.Add((day.Tags[day.TagOrdinals[i]].Value, day.StartUnixMs + day.Times[i],
                        (row * GridCells.LatitudeE7) + day.LatitudeOffsets[i], (column * GridCells.LongitudeE7) + day.LongitudeOffsets[i]));
                }
            }
        }

        return [.. fixes.Order()];
    }

    private static List<(string, long, int, int)> Stored(IEnumerable<(TagId Tag, IReadOnlyList<Fix> Fixes)> trails) =>
        [.. trails.SelectMany(t => t.Fixes.Select(f => (t.Tag.Value, f.TimeUnixMs, f.LatitudeE7, f.LongitudeE7))).Order()];

    [Fact]
    public async Task Load_BuildsEachDayOnceIntoOwnerOnlyFiles_ThenReadsThemBack()
    {
        await using var db = await WithTrailsAsync();

        using var built = await LoadAllAsync(db);
        var files = Files(db);
        using var read = await LoadAllAsync(db);

        Assert.Equal(2, files.Count); // 22:00–02:00 spans two UTC days
        Assert.Equal(files, Files(db)); // the second load rewrote nothing
        var stored = Stored([(TagA, await db.Fixes.ReadAsync(TagA, Instant.MinValue, Instant.MaxValue)), (TagB, await db.Fixes.ReadAsync(TagB, Instant.MinValue, Instant.MaxValue))]);
        Assert.Equal(480, stored.Count);
        Assert.Equal(stored, Contents(built));
        Assert.Equal(stored, Contents(read));
        Assert.Equal([TagA, TagB], read.Tags);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(((Storage.Fixes.SqliteFixGrids)db.FixGrids).Folder));
            foreach (string file in Directory.EnumerateFiles(((Storage.Fixes.SqliteFixGrids)db.FixGrids).Folder))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task Load_AfterALateFix_RebuildsThatDayAloneAndIncludesIt()
    {
        await using var db = await WithTrailsAsync();
        (await LoadAllAsync(db)).Dispose();
        var before = Files(db);

        var late = Fix.Create(Start.Plus(Duration.FromSeconds(30)), Start.Plus(Duration.FromHours(5)), new GeoPoint(51.5, -0.12), 8);
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagA] = [late] });
        using var grid = await LoadAllAsync(db);
        var after = Files(db);

        Assert.Contains((TagA.Value, late.TimeUnixMs, late.LatitudeE7, late.LongitudeE7), Contents(grid));
        Assert.Equal(481, grid.Count);
        Assert.Equal(2, after.Count);
        var kept = Assert.Single(after.Keys.Intersect(before.Keys)); // the next day's file stands; the changed day's was replaced
        Assert.StartsWith((GridCells.DayOf(Start.ToUnixTimeMilliseconds()) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".", kept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_BuildsOnlyDaysWithoutACurrentFile()
    {
        await using var db = await WithTrailsAsync();

        int first = await ((Storage.Fixes.SqliteFixGrids)db.FixGrids).RefreshAsync();
        var files = Files(db);
        int again = await ((Storage.Fixes.SqliteFixGrids)db.FixGrids).RefreshAsync();
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagB] = [Fix.Create(Start.Plus(Duration.FromSeconds(7)), Start, new GeoPoint(51.4, -0.1), 8)] });
        int afterLateFix = await ((Storage.Fixes.SqliteFixGrids)db.FixGrids).RefreshAsync();

        Assert.Equal((2, 0, 1), (first, again, afterLateFix));
        Assert.Equal(2, files.Count);
        Assert.Equal(2, Files(db).Count); // the late day's old file went with the refresh
        var refreshed = Files(db);
        using var grid = await LoadAllAsync(db);
        Assert.Equal(481, grid.Count);
        Assert.Equal(refreshed, Files(db)); // and loading found every file current: nothing rebuilt or rewritten
    }

    [Theory]
    [InlineData("flip a byte in the fixes")]
    [InlineData("cut the file short")]
    [InlineData("overwrite the header")]
    [InlineData("lower the tag count in the header")]
    [InlineData("empty file")]
    public async Task Load_DamagedFile_IsNotUsedButRebuilt(string damage)
    {
        await using var db = await WithTrailsAsync();
        List<(string, long, int, int)> expected;
        using (var first = await LoadAllAsync(db))
        {
            expected = Contents(first);
        }

        string file = Directory.EnumerateFiles(((Storage.Fixes.SqliteFixGrids)db.FixGrids).Folder).Order(StringComparer.Ordinal).First();
        byte[] bytes = await File.ReadAllBytesAsync(file);
        byte[] damaged = damage switch
        {
            "flip a byte in the fixes" => [.. bytes[..^7], (byte)(bytes[^7] ^ 0x40), .. bytes[^6..]],
            "cut the file short" => bytes[..^10],
            "overwrite the header" => [.. new byte[64], .. bytes[64..]],
            "lower the tag count in the header" => [.. bytes[..12], (byte)(bytes[12] - 1), .. bytes[13..]],
            _ => [],
        };
        await File.WriteAllBytesAsync(file, damaged);

        using var grid = await LoadAllAsync(db);

        Assert.Equal(expected, Contents(grid));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(file)); // rebuilt and written again, whole
    }

    [Fact]
    public async Task Retention_PurgingADay_DeletesItsGridFile_AndStaleFilesGo()
    {
        await using var db = await WithTrailsAsync();
        (await LoadAllAsync(db)).Dispose();
        string stray = Path.Combine(((Storage.Fixes.SqliteFixGrids)db.FixGrids).Folder, "17000.00000000000000ff.grid");
        await File.WriteAllBytesAsync(stray, [1, 2, 3]);

        // Trails kept one day from 19 Feb 12:00: the whole of 18 Feb goes, 19 Feb stays.
        var cutoff = Instant.FromUtc(2019, 2, 19, 12, 0);
        var counts = await db.RetentionStore.PurgeAsync(new RetentionCutoffs(cutoff, cutoff, cutoff, cutoff, cutoff, Instant.MinValue), dryRun: false);

        Assert.Equal(2, counts.FixChunks);
        var remaining = Assert.Single(Files(db).Keys);
        Assert.StartsWith((GridCells.DayOf(Start.ToUnixTimeMilliseconds()) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".", remaining, StringComparison.Ordinal);
        Assert.False(File.Exists(stray));
        Assert.Equal(0, await ((Storage.Fixes.SqliteFixGrids)db.FixGrids).RefreshAsync()); // the emptied day has nothing to build
        using var left = await LoadAllAsync(db);
        Assert.All(Contents(left), f => Assert.True(f.Item2 >= cutoff.ToUnixTimeMilliseconds() - 86_400_000));
    }

    [Fact]
    public async Task DayVersions_ChangeWithEveryInsertUpdateAndDelete_InTheWritersTransaction()
    {
        await using var db = await WithTrailsAsync();
        int day = (int)GridCells.DayOf(Start.ToUnixTimeMilliseconds());
        await using var connection = await db.Sqlite.OpenConnectionAsync();
        async Task<long?> VersionAsync()
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT Version FROM fix_days WHERE Day = {day}";
            return await command.ExecuteScalarAsync() as long?;
        }

        async Task ExecuteAsync(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        long? inserted = await VersionAsync();
        await db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>> { [TagB] = [Fix.Create(Start.Plus(Duration.FromSeconds(1)), Start, new GeoPoint(51.4, -0.1), 8)] });
        long? updated = await VersionAsync();
        await using (var rolledBack = connection.BeginTransaction())
        {
            await ExecuteAsync($"DELETE FROM fix_chunks WHERE Day = {day}");
            await rolledBack.RollbackAsync();
        }

        long? afterRollback = await VersionAsync();
        await ExecuteAsync($"DELETE FROM fix_chunks WHERE Day = {day}");
        long? deleted = await VersionAsync();

        Assert.NotNull(inserted);
        Assert.NotEqual(inserted, updated);
        Assert.Equal(updated, afterRollback);
        Assert.NotNull(deleted);
        Assert.NotEqual(updated, deleted);
    }

    [Fact]
    public async Task StrictRun_OnGrids_EqualsTheMatcherOnTrailsReadFromTheStore()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        await db.SimulationLoader.LoadAsync(PilotSimulation.Create(new SimulationOptions { Tags = 8, Days = 4, Seed = 11, CrimesPerDay = 150 }));
        var parameters = new StrictParameters(150, Duration.FromMinutes(15));

        var onGrids = await db.StrictCorrelation.RunAsync(parameters);
        var onGridsAgain = await db.StrictCorrelation.RunAsync(parameters); // from the files this time
        var crimes = (await db.Crimes.CurrentAsync(Instant.MinValue, Instant.MaxValue)).Select(CrimeSite.From).ToList();
        var trails = await db.Trails.LoadAsync(Instant.MinValue, Instant.MaxValue);
        var onTrails = StrictMatcher.Match(crimes, trails, parameters);

        Assert.NotEmpty(onTrails);
        Assert.Equal(onTrails, onGrids);
        Assert.Equal(onTrails, onGridsAgain);
    }

    [Fact]
    public async Task NearSearch_OnGrids_EqualsAScanOfEveryTrailReadFromTheStore()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        await db.SimulationLoader.LoadAsync(PilotSimulation.Create(new SimulationOptions { Tags = 8, Days = 4, Seed = 12, CrimesPerDay = 10 }));
        var trails = await db.Trails.LoadAsync(Instant.MinValue, Instant.MaxValue);
        var random = new Random(12);
        int withHits = 0;
        for (int query = 0; query < 40; query++)
        {
            // Around a stored fix, a window starting or ending exactly on a fix time (inclusive ends), or spanning days.
            var trail = trails[random.Next(trails.Count)];
            int index = random.Next(trail.Count);
            var point = new GeoPoint(trail.Latitudes[index] + ((random.NextDouble() - 0.5) * 0.004), trail.Longitudes[index] + ((random.NextDouble() - 0.5) * 0.006));
            double radius = 50 + (random.NextDouble() * 1950);
            long at = trail.Times[index];
            long fromMs = query % 3 == 0 ? at : at - random.Next(1, 3 * 86_400) * 1000L;
            long toMs = query % 3 == 1 ? at : at + random.Next(1, 3 * 86_400) * 1000L;

            var (_, hits) = await db.Near.RunAsync(point, radius, Instant.FromUnixTimeMilliseconds(fromMs), Instant.FromUnixTimeMilliseconds(toMs), "equality check of the search", "test");

            var expected = trails
                .Select(t => (t.Tag, Near: Proximity.Scan(t, point.Latitude, point.Longitude, radius, fromMs, toMs)))
                .Where(t => t.Near.Count > 0)
                .OrderBy(t => t.Near.MinDistanceMetres).ThenBy(t => t.Tag.Value, StringComparer.Ordinal)
                .ToList();
            Assert.Equal(expected, hits.Select(h => (h.Tag, Near: h.Proximity)).ToList());
            withHits += hits.Count > 0 ? 1 : 0;
        }

        Assert.InRange(withHits, 10, 40); // the comparison saw real answers, not only empty ones
    }

    [Fact]
    public async Task Migrations_ReadFromAttributes_AreExactlyEfsOwn()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        await using var context = db.Database.CreateContext();

        Assert.Equal(context.Database.GetMigrations(), TagwatchDatabase.Migrations);
    }
}
