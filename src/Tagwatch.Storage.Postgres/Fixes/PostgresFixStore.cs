using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using Tagwatch.Application.Fixes;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;
using Tagwatch.Storage.Fixes;

namespace Tagwatch.Storage.Postgres.Fixes;

/// <summary>
/// The fix store on PostgreSQL: the same compressed chunk per tag and UTC day as on SQLite, merged on write and
/// deduplicated across history, in a table partitioned by month.
/// </summary>
/// <remarks>
/// Several nodes write at once. Each (tag, day) chunk being merged is guarded by a transaction-level advisory lock,
/// taken in (tag, day) order so that two writers never deadlock, before its current chunk is read: a retried upload
/// that reaches two nodes at the same time is merged by one after the other, and each fix is stored once. The merged
/// chunks go to the server by binary COPY into a staging table and one INSERT … ON CONFLICT, and the acknowledgement
/// follows the commit.
/// </remarks>
public sealed class PostgresFixStore(PostgresDatabase database) : IFixStore
{
    private const long MillisecondsPerDay = 86_400_000;

    // Day numbers must fit an int: clamp open-ended ranges to ±5.8 million years.
    private const long MinimumUnixMs = -MillisecondsPerDay * (int.MaxValue / 2);
    private const long MaximumUnixMs = MillisecondsPerDay * (int.MaxValue / 2);

    // Months whose partition this process has seen made; a partition is never dropped while fixes may still arrive for it.
    private readonly ConcurrentDictionary<int, bool> _months = new();

    /// <inheritdoc />
    public async Task<FixAppendResult> AppendAsync(IReadOnlyDictionary<TagId, List<Fix>> fixesByTag, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var keys = await PostgresTagKeys.ResolveAsync(connection, [.. fixesByTag.Keys], cancellationToken);
        await EnsurePartitionsAsync(connection, fixesByTag.Values.SelectMany(f => f).Select(f => f.TimeUnixMs), cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await AppendInTransactionAsync(connection, keys, fixesByTag, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Makes the month partitions the fixes at <paramref name="times"/> fall in, each in a short transaction of
    /// its own (creating a partition locks the parent table, which must not last as long as a write).</summary>
    internal async Task EnsurePartitionsAsync(NpgsqlConnection connection, IEnumerable<long> times, CancellationToken cancellationToken)
    {
        foreach (int day in times.Select(DayOf).Select(FirstDayOfMonth).Distinct())
        {
            if (_months.ContainsKey(day))
            {
                continue;
            }

            await using var command = new NpgsqlCommand("SELECT tagwatch_fix_partition(@day)", connection);
            command.Parameters.AddWithValue("day", day);
            await command.ExecuteNonQueryAsync(cancellationToken);
            _months[day] = true;
        }
    }

    /// <summary>Merges fixes into their day chunks inside the caller's open transaction (which the caller commits);
    /// the partitions must exist (<see cref="EnsurePartitionsAsync"/>).</summary>
    internal static async Task<FixAppendResult> AppendInTransactionAsync(NpgsqlConnection connection, Dictionary<TagId, int> keys, IReadOnlyDictionary<TagId, List<Fix>> fixesByTag, CancellationToken cancellationToken)
    {
        var groups = new List<DayGroup>();
        foreach (var (tag, fixes) in fixesByTag)
        {
            var incoming = fixes.ToArray();
            if (!FixOrder.IsSorted(incoming))
            {
                Array.Sort(incoming, FixOrder.Instance);
            }

            for (int start = 0; start < incoming.Length;)
            {
                int day = DayOf(incoming[start].TimeUnixMs), end = start;
                while (end < incoming.Length && DayOf(incoming[end].TimeUnixMs) == day)
                {
                    end++;
                }

                groups.Add(new DayGroup(keys[tag], day, new ArraySegment<Fix>(incoming, start, end - start)));
                start = end;
            }
        }

        if (groups.Count == 0)
        {
            return new FixAppendResult(0, 0, 0);
        }

        groups.Sort((a, b) => (a.TagKey, a.Day).CompareTo((b.TagKey, b.Day)));
        await LockAndReadAsync(connection, groups, cancellationToken);

        long stored = 0, duplicates = 0, flagged = 0;
        foreach (var slice in groups.Chunk(256))
        {
            Parallel.ForEach(slice, group => group.Merge());
            stored += slice.Sum(g => (long)g.Added);
            flagged += slice.Sum(g => (long)g.AddedFlagged);
            duplicates += slice.Sum(g => (long)(g.Incoming.Count - g.Added));
            await WriteAsync(connection, [.. slice.Where(g => g.Added > 0)], cancellationToken);
            foreach (var group in slice)
            {
                group.Release();
            }
        }

        return new FixAppendResult(stored, duplicates, flagged);
    }

    // The advisory locks (in the groups' order) and then every chunk the groups merge into, in one round trip each.
    private static async Task LockAndReadAsync(NpgsqlConnection connection, List<DayGroup> groups, CancellationToken cancellationToken)
    {
        int[] tags = [.. groups.Select(g => g.TagKey)];
        int[] days = [.. groups.Select(g => g.Day)];
        // One lock per (tag, day), taken in the sorted order the rows arrive in.
        await using (var lockCommand = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(t, d) FROM unnest(@tags, @days) WITH ORDINALITY AS g(t, d, n) ORDER BY n", connection))
        {
            lockCommand.Parameters.AddWithValue("tags", tags);
            lockCommand.Parameters.AddWithValue("days", days);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var byKey = groups.ToDictionary(g => (g.TagKey, g.Day));
        await using var select = new NpgsqlCommand("""
            SELECT c."TagKey", c."Day", c."Data" FROM fix_chunks c
            JOIN unnest(@tags, @days) AS g(t, d) ON c."TagKey" = g.t AND c."Day" = g.d
            WHERE c."Day" BETWEEN @firstDay AND @lastDay
            """, connection);
        select.Parameters.AddWithValue("tags", tags);
        select.Parameters.AddWithValue("days", days);
        select.Parameters.AddWithValue("firstDay", days.Min());
        select.Parameters.AddWithValue("lastDay", days.Max());
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byKey[(reader.GetInt32(0), reader.GetInt32(1))].Existing = (byte[])reader[2];
        }
    }

    private static async Task WriteAsync(NpgsqlConnection connection, DayGroup[] changed, CancellationToken cancellationToken)
    {
        if (changed.Length == 0)
        {
            return;
        }

        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE IF NOT EXISTS fix_chunks_incoming (
                "TagKey" integer, "Day" integer, "StartUnixMs" bigint, "EndUnixMs" bigint, "MinLatitudeE7" integer, "MaxLatitudeE7" integer,
                "MinLongitudeE7" integer, "MaxLongitudeE7" integer, "Count" integer, "Data" bytea) ON COMMIT DELETE ROWS;
            TRUNCATE fix_chunks_incoming;
            """, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY fix_chunks_incoming ("TagKey", "Day", "StartUnixMs", "EndUnixMs", "MinLatitudeE7", "MaxLatitudeE7", "MinLongitudeE7", "MaxLongitudeE7", "Count", "Data") FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            foreach (var group in changed)
            {
                var fixes = group.Merged!;
                int minLat = int.MaxValue, maxLat = int.MinValue, minLon = int.MaxValue, maxLon = int.MinValue;
                foreach (var fix in fixes)
                {
                    minLat = Math.Min(minLat, fix.LatitudeE7);
                    maxLat = Math.Max(maxLat, fix.LatitudeE7);
                    minLon = Math.Min(minLon, fix.LongitudeE7);
                    maxLon = Math.Max(maxLon, fix.LongitudeE7);
                }

                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(group.TagKey, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(group.Day, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(fixes[0].TimeUnixMs, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(fixes[^1].TimeUnixMs, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(minLat, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(maxLat, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(minLon, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(maxLon, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(fixes.Length, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(group.Encoded!, NpgsqlDbType.Bytea, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using var upsert = new NpgsqlCommand("""
            INSERT INTO fix_chunks ("TagKey", "Day", "StartUnixMs", "EndUnixMs", "MinLatitudeE7", "MaxLatitudeE7", "MinLongitudeE7", "MaxLongitudeE7", "Count", "Data")
            SELECT "TagKey", "Day", "StartUnixMs", "EndUnixMs", "MinLatitudeE7", "MaxLatitudeE7", "MinLongitudeE7", "MaxLongitudeE7", "Count", "Data" FROM fix_chunks_incoming
            ON CONFLICT ("TagKey", "Day") DO UPDATE SET "StartUnixMs" = excluded."StartUnixMs", "EndUnixMs" = excluded."EndUnixMs",
                "MinLatitudeE7" = excluded."MinLatitudeE7", "MaxLatitudeE7" = excluded."MaxLatitudeE7",
                "MinLongitudeE7" = excluded."MinLongitudeE7", "MaxLongitudeE7" = excluded."MaxLongitudeE7",
                "Count" = excluded."Count", "Data" = excluded."Data"
            """, connection);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Fix>> ReadAsync(TagId tag, Instant from, Instant to, CancellationToken cancellationToken = default)
    {
        var all = await ReadManyAsync([tag], from, to, cancellationToken);
        return all.TryGetValue(tag, out var fixes) ? fixes : [];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<TagId, IReadOnlyList<Fix>>> ReadManyAsync(IReadOnlyCollection<TagId> tags, Instant from, Instant to, CancellationToken cancellationToken = default)
    {
        var result = tags.Distinct().ToDictionary(t => t, _ => (IReadOnlyList<Fix>)[]);
        await foreach (var (tag, fixes) in ReadEachAsync(tags, from, to, cancellationToken))
        {
            result[tag] = fixes;
        }

        return result;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<(TagId Tag, Fix[] Fixes)> ReadEachAsync(IReadOnlyCollection<TagId> tags, Instant from, Instant to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long fromMs = from.ToUnixTimeMilliseconds(), toMs = to.ToUnixTimeMilliseconds();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var keys = await PostgresTagKeys.LookupAsync(connection, tags, cancellationToken);
        var tagOf = keys.ToDictionary(k => k.Value, k => k.Key);
        foreach (var batch in keys.Values.Order().Chunk(32))
        {
            // One query per batch of tags, the day range pruning partitions, chunks in (tag, day) order.
            await using var command = new NpgsqlCommand("""
                SELECT "TagKey", "Count", "Data" FROM fix_chunks
                WHERE "TagKey" = ANY(@tags) AND "Day" BETWEEN @fromDay AND @toDay AND "EndUnixMs" >= @from AND "StartUnixMs" <= @to
                ORDER BY "TagKey", "Day"
                """, connection);
            command.Parameters.AddWithValue("tags", batch);
            command.Parameters.AddWithValue("fromDay", DayOf(Math.Max(fromMs, MinimumUnixMs)));
            command.Parameters.AddWithValue("toDay", DayOf(Math.Min(toMs, MaximumUnixMs)));
            command.Parameters.AddWithValue("from", fromMs);
            command.Parameters.AddWithValue("to", toMs);
            var chunks = new Dictionary<int, List<(int Count, byte[] Data)>>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    int key = reader.GetInt32(0);
                    if (!chunks.TryGetValue(key, out var list))
                    {
                        chunks[key] = list = [];
                    }

                    list.Add((reader.GetInt32(1), (byte[])reader[2]));
                }
            }

            foreach (var (key, list) in chunks)
            {
                var fixes = GC.AllocateUninitializedArray<Fix>(list.Sum(c => c.Count));
                int offset = 0;
                var slots = list.Select(c => { int at = offset; offset += c.Count; return (At: at, c.Count, c.Data); }).ToList();
                Parallel.ForEach(slots, slot => FixChunkCodec.Decode(slot.Data, fixes.AsSpan(slot.At, slot.Count)));
                int first = 0, end = fixes.Length;
                while (first < end && fixes[first].TimeUnixMs < fromMs)
                {
                    first++;
                }

                while (end > first && fixes[end - 1].TimeUnixMs > toMs)
                {
                    end--;
                }

                if (end > first)
                {
                    yield return (tagOf[key], first == 0 && end == fixes.Length ? fixes : fixes[first..end]);
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<Instant?> LatestFixTimeAsync(TagId tag, CancellationToken cancellationToken = default)
    {
        // The tag's newest chunk carries its latest fix time: found from the newest partition back through the key index.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT c."EndUnixMs" FROM fix_chunks c JOIN tags t ON t."Key" = c."TagKey"
            WHERE t."DeviceId" = @id ORDER BY c."Day" DESC LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("id", tag.Value);
        return await command.ExecuteScalarAsync(cancellationToken) is long latest ? Instant.FromUnixTimeMilliseconds(latest) : null;
    }

    /// <inheritdoc />
    public async Task<FixStoreStatistics> StatisticsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT COUNT(DISTINCT "TagKey")::int, COALESCE(SUM("Count"), 0)::bigint, COUNT(*), COALESCE(SUM(octet_length("Data")), 0)::bigint FROM fix_chunks
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new FixStoreStatistics(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static int DayOf(long unixMs) => (int)Math.Floor(unixMs / (double)MillisecondsPerDay);

    private static int FirstDayOfMonth(int day)
    {
        var date = DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + day);
        return new DateOnly(date.Year, date.Month, 1).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    }

    /// <summary>One tag's new fixes for one day, with what the store already held for that day.</summary>
    private sealed class DayGroup(int tagKey, int day, ArraySegment<Fix> incoming)
    {
        public int TagKey => tagKey;

        public int Day => day;

        public ArraySegment<Fix> Incoming => incoming;

        public byte[]? Existing { get; set; }

        public Fix[]? Merged { get; private set; }

        public byte[]? Encoded { get; private set; }

        public int Added { get; private set; }

        public int AddedFlagged { get; private set; }

        public void Merge()
        {
            var held = new List<Fix>();
            if (Existing is not null)
            {
                FixChunkCodec.Decode(Existing, held);
            }

            (Merged, Added, AddedFlagged) = FixMerge.Merge(CollectionsMarshal.AsSpan(held), incoming);
            Encoded = Added > 0 ? FixChunkCodec.Encode(Merged) : null;
        }

        public void Release()
        {
            Merged = null;
            Encoded = null;
            Existing = null;
        }
    }
}
