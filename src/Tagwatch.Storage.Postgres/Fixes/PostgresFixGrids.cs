using System.Globalization;
using Npgsql;
using Tagwatch.Storage.Fixes;
using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation.Grid;

namespace Tagwatch.Storage.Postgres.Fixes;

/// <summary>The fix store's space-time index on PostgreSQL: a day grid per UTC day, a cache each node keeps in its own
/// folder (<c>&lt;node folder&gt;/grids/&lt;day&gt;.&lt;version&gt;.grid</c>, owner-only) and builds again from the database
/// whenever the day's version there changes — as on SQLite, whose file format it shares.</summary>
/// <remarks>
/// The chunks stay the record; grids are derived from them and can be deleted at any time. A trigger gives a day a new
/// random version in the same transaction as any change to its chunks (<c>fix_days</c>), and a grid file names the
/// version it was built from, so a file is used only while its day is exactly as it was — never a stale answer.
/// Versions and chunks are read in one snapshot, so a grid built here is one consistent state of its day. Files are
/// written through a rename (a reader sees the old file or the new, whole) and checked against a CRC-64 when
/// read; any file that is damaged, cut short or of another format is ignored and replaced.
/// </remarks>
public sealed class PostgresFixGrids(PostgresDatabase database) : IFixGrids, IFixGridMaintenance
{
    private const string Extension = ".grid";

    // Days whose chunks have all gone (retention) keep their version row; they have no grid to read or build.
    private const string HasChunks = "EXISTS (SELECT 1 FROM fix_chunks c WHERE c.\"Day\" = fix_days.\"Day\")";

    /// <summary>The folder holding the grid files.</summary>
    public string Folder => Path.Combine(database.LocalFolder, "grids");

    /// <inheritdoc />
    public async Task<FixGrid> LoadAsync(Instant from, Instant to, CancellationToken cancellationToken = default)
    {
        int fromDay = DayOf(from), toDay = DayOf(to);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One snapshot for the versions and the chunks a stale day is built from: the grid and its version agree.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var days = await VersionsAsync(connection, $"\"Day\" BETWEEN {fromDay} AND {toDay} AND {HasChunks}", cancellationToken);
        var grids = new DayGrid?[days.Count];
        try
        {
            if (BitConverter.IsLittleEndian)
            {
                Parallel.For(0, days.Count, new ParallelOptions { CancellationToken = cancellationToken },
                    i => grids[i] = DayGridFile.TryRead(PathOf(days[i].Day, days[i].Version), days[i].Day, days[i].Version));
            }

            for (int i = 0; i < days.Count; i++)
            {
                if (grids[i] is null)
                {
                    var (day, version) = days[i];
                    grids[i] = await BuildAsync(connection, day, cancellationToken);
                    Keep(grids[i]!, version);
                }
            }

            return new FixGrid(grids.Where(g => g!.Count > 0)!);
        }
        catch
        {
            foreach (var grid in grids)
            {
                grid?.Dispose(); // release the files mapped so far
            }

            throw;
        }
    }

    /// <summary>Builds and keeps the grid of every day whose current version has no file yet (after an import, or as a
    /// live day moves on), then drops stale files, so that the next strict run reads instead of building. Existing
    /// files are not read; returns the number of days built.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken = default)
    {
        int built = 0;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            foreach (var (day, version) in await VersionsAsync(connection, HasChunks, cancellationToken))
            {
                if (!File.Exists(PathOf(day, version)))
                {
                    using var grid = await BuildAsync(connection, day, cancellationToken);
                    Keep(grid, version);
                    built++;
                }
            }
        }

        await PruneAsync(cancellationToken);
        return built;
    }

    /// <summary>Deletes every grid file that no longer matches its day's current version (or whose day has no version),
    /// and temporary files left by interrupted writes: after a purge, no copy of purged positions stays on disk.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var current = (await VersionsAsync(connection, "true", cancellationToken)).Select(d => Path.GetFileName(PathOf(d.Day, d.Version))).ToHashSet();
        int deleted = 0;
        foreach (string file in Directory.EnumerateFiles(Folder))
        {
            if (!current.Contains(Path.GetFileName(file)) && TryDelete(file))
            {
                deleted++;
            }
        }

        return deleted;
    }

    private static async Task<List<(int Day, long Version)>> VersionsAsync(NpgsqlConnection connection, string where, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Day\", \"Version\" FROM fix_days WHERE {where} ORDER BY \"Day\"";
        var days = new List<(int, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add((reader.GetInt32(0), reader.GetInt64(1)));
        }

        return days;
    }

    /// <summary>Builds a day's grid from its chunks: every stored fix of every tag, flagged or not.</summary>
    private static async Task<DayGrid> BuildAsync(NpgsqlConnection connection, int day, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT t.\"DeviceId\", c.\"Count\", c.\"Data\" FROM fix_chunks c JOIN tags t ON t.\"Key\" = c.\"TagKey\" WHERE c.\"Day\" = @day ORDER BY t.\"DeviceId\" COLLATE \"C\"";
        command.Parameters.AddWithValue("day", day);
        var chunks = new List<(TagId Tag, byte[] Data, long[] Times, int[] Latitudes, int[] Longitudes)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                int count = reader.GetInt32(1);
                chunks.Add((TagId.Parse(reader.GetString(0)), (byte[])reader[2], new long[count], new int[count], new int[count]));
            }
        }

        Parallel.ForEach(chunks, c => FixChunkCodec.DecodePositionsE7(c.Data, c.Times, c.Latitudes, c.Longitudes));
        var builder = new DayGridBuilder(day);
        foreach (var c in chunks)
        {
            builder.Add(c.Tag, c.Times, c.Latitudes, c.Longitudes);
        }

        return builder.Build();
    }

    /// <summary>Stores a freshly built grid for next time and drops the day's older files. Best effort: without a
    /// writable folder every run builds what it needs.</summary>
    private void Keep(DayGrid grid, long version)
    {
        if (!BitConverter.IsLittleEndian)
        {
            return;
        }

        try
        {
            if (!Directory.Exists(Folder))
            {
                OwnerOnlyFiles.CreateFolder(Folder);
            }

            string path = PathOf(grid.Day, version);
            if (grid.Count > 0)
            {
                DayGridFile.Write(path, grid, version);
            }

            foreach (string older in Directory.EnumerateFiles(Folder, $"{grid.Day.ToString(CultureInfo.InvariantCulture)}.*{Extension}"))
            {
                if (older != path)
                {
                    TryDelete(older);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // a cache: carry on with the grid in memory
        }
    }

    private string PathOf(int day, long version) =>
        Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"{day}.{(ulong)version:x16}{Extension}"));

    private static bool TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // The grids' own day numbering, kept within int so open-ended ranges (Instant.MinValue…MaxValue) work.
    private static int DayOf(Instant instant) => (int)Math.Clamp(GridCells.DayOf(instant.ToUnixTimeMilliseconds()), int.MinValue / 2, int.MaxValue / 2);
}
