using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Storage.Fixes;

/// <summary>The fix store on SQLite: one compressed chunk per tag and UTC day, merged on write, deduplicated across history.</summary>
/// <remarks>
/// A fix's day is fixed by its time, so deduplication within its day's chunk is deduplication across all history.
/// Writes run in one IMMEDIATE transaction per call and the database runs in WAL mode with synchronous=FULL, so
/// when <see cref="AppendAsync"/> returns every accepted fix survives a crash or power loss. One writer at a time
/// (SQLite serialises IMMEDIATE transactions; others wait up to the busy timeout); reads use their own connections and may run concurrently.
/// </remarks>
public sealed class SqliteFixStore(TagwatchDatabase database) : IFixStore
{
    private const long MillisecondsPerDay = 86_400_000;
    private const int ReadBatchTags = 32;

    // Day numbers must fit an int: clamp open-ended ranges to ±5.8 million years.
    private const long MinimumUnixMs = -MillisecondsPerDay * (int.MaxValue / 2);
    private const long MaximumUnixMs = MillisecondsPerDay * (int.MaxValue / 2);

    /// <inheritdoc />
    public async Task<FixAppendResult> AppendAsync(IReadOnlyDictionary<TagId, List<Fix>> fixesByTag, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // IMMEDIATE: take the write lock up front so concurrent writers queue (busy timeout) instead of failing to upgrade.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var keys = await TagKeys.ResolveAsync(connection, transaction, fixesByTag.Keys, cancellationToken);
        var result = await AppendInTransactionAsync(connection, transaction, keys, fixesByTag, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Merges fixes into their day chunks inside the caller's transaction (which the caller commits).</summary>
    internal static async Task<FixAppendResult> AppendInTransactionAsync(SqliteConnection connection, SqliteTransaction transaction, Dictionary<TagId, int> keys, IReadOnlyDictionary<TagId, List<Fix>> fixesByTag, CancellationToken cancellationToken)
    {

        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT data FROM fix_chunks WHERE TagKey = $tag AND Day = $day";
        var selectTag = select.Parameters.Add("$tag", SqliteType.Integer);
        var selectDay = select.Parameters.Add("$day", SqliteType.Integer);

        using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO fix_chunks (TagKey, Day, StartUnixMs, EndUnixMs, MinLatitudeE7, MaxLatitudeE7, MinLongitudeE7, MaxLongitudeE7, Count, Data)
            VALUES ($tag, $day, $start, $end, $minLat, $maxLat, $minLon, $maxLon, $count, $data)
            ON CONFLICT (TagKey, Day) DO UPDATE SET StartUnixMs = excluded.StartUnixMs, EndUnixMs = excluded.EndUnixMs,
                MinLatitudeE7 = excluded.MinLatitudeE7, MaxLatitudeE7 = excluded.MaxLatitudeE7,
                MinLongitudeE7 = excluded.MinLongitudeE7, MaxLongitudeE7 = excluded.MaxLongitudeE7,
                Count = excluded.Count, Data = excluded.Data
            """;
        var p = new ChunkParameters(upsert);

        // 1. Split each tag's fixes into UTC days and fetch the chunk each day already has.
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

                selectTag.Value = keys[tag];
                selectDay.Value = day;
                var existing = await select.ExecuteScalarAsync(cancellationToken) as byte[];
                groups.Add(new DayGroup(keys[tag], day, new ArraySegment<Fix>(incoming, start, end - start), existing));
                start = end;
            }
        }

        // 2 and 3. Merge and re-encode the days in parallel (the CPU-heavy part of a bulk import), then write them, in
        // slices so that a huge import never holds more than a slice of decoded days at once.
        long stored = 0, duplicates = 0, flagged = 0;
        foreach (var slice in groups.Chunk(256))
        {
            Parallel.ForEach(slice, group => group.Merge());
            foreach (var group in slice)
            {
                stored += group.Added;
                flagged += group.AddedFlagged;
                duplicates += group.Incoming.Count - group.Added;
                if (group.Added > 0)
                {
                    p.Bind(group.TagKey, group.Day, group.Merged!, group.Encoded!);
                    await upsert.ExecuteNonQueryAsync(cancellationToken);
                }

                group.Release();
            }
        }

        return new FixAppendResult(stored, duplicates, flagged);
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
        await foreach (var batch in ReadChunkBatchesAsync(tags, fromMs, toMs, cancellationToken))
        {
            // Every slot is overwritten by a decode, so the arrays need not be zeroed first.
            var arrays = batch.Totals.Select(total => GC.AllocateUninitializedArray<Fix>(total)).ToArray();
            Parallel.ForEach(batch.Chunks, chunk => FixChunkCodec.Decode(chunk.Data, arrays[chunk.TagIndex].AsSpan(chunk.Offset, chunk.Count)));
            for (int t = 0; t < arrays.Length; t++)
            {
                if (arrays[t].Length > 0)
                {
                    var fixes = arrays[t];
                    var (first, end) = WithinRange(fixes.Length, i => fixes[i].TimeUnixMs, fromMs, toMs);
                    yield return (batch.Tags[t], first == 0 && end == fixes.Length ? fixes : fixes[first..end]);
                }
            }
        }
    }

    /// <summary>The chunks that can matter (by day and time range), a batch of tags at a time, so that only one batch
    /// is held in memory; each chunk knows its tag and its offset in the tag's result. The next batch is read while the
    /// caller decodes the current one.</summary>
    private async IAsyncEnumerable<ChunkBatch> ReadChunkBatchesAsync(IReadOnlyCollection<TagId> tags, long fromMs, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var keys = await TagKeys.LookupAsync(connection, tags, cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Count, Data FROM fix_chunks WHERE TagKey = $tag AND Day BETWEEN $fromDay AND $toDay AND EndUnixMs >= $from AND StartUnixMs <= $to ORDER BY Day";
        var tagParameter = command.Parameters.Add("$tag", SqliteType.Integer);
        command.Parameters.AddWithValue("$fromDay", DayOf(Math.Max(fromMs, MinimumUnixMs)));
        command.Parameters.AddWithValue("$toDay", DayOf(Math.Min(toMs, MaximumUnixMs)));
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        var batches = keys.Chunk(ReadBatchTags).ToList();
        Task<ChunkBatch>? next = batches.Count == 0 ? null : Task.Run(() => ReadBatch(command, tagParameter, batches[0], cancellationToken), cancellationToken);
        try
        {
            for (int i = 0; i < batches.Count; i++)
            {
                var current = await next!;
                var following = i + 1 < batches.Count ? batches[i + 1] : null;
                next = following is null ? null : Task.Run(() => ReadBatch(command, tagParameter, following, cancellationToken), cancellationToken);
                yield return current;
            }
        }
        finally
        {
            // The command and connection must outlive a read still running when the caller stops early.
            if (next is not null)
            {
                try
                {
                    await next;
                }
                catch (OperationCanceledException)
                {
                    // stopping anyway
                }
            }
        }
    }

    private static ChunkBatch ReadBatch(SqliteCommand command, SqliteParameter tagParameter, KeyValuePair<TagId, int>[] batch, CancellationToken cancellationToken)
    {
        var chunks = new List<(int TagIndex, int Offset, int Count, byte[] Data)>();
        var totals = new int[batch.Length];
        for (int t = 0; t < batch.Length; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tagParameter.Value = batch[t].Value;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                int count = reader.GetInt32(0);
                chunks.Add((t, totals[t], count, (byte[])reader[1]));
                totals[t] += count;
            }
        }

        return new ChunkBatch(batch.Select(k => k.Key).ToArray(), totals, chunks);
    }

    private sealed record ChunkBatch(TagId[] Tags, int[] Totals, List<(int TagIndex, int Offset, int Count, byte[] Data)> Chunks);

    /// <summary>The index range [first, end) of a time-sorted run whose times lie in [from, to]; only the first and
    /// last chunks of a read can spill over, so the scan from each end is short.</summary>
    private static (int First, int End) WithinRange(int count, Func<int, long> timeAt, long fromMs, long toMs)
    {
        int first = 0, end = count;
        while (first < end && timeAt(first) < fromMs)
        {
            first++;
        }

        while (end > first && timeAt(end - 1) > toMs)
        {
            end--;
        }

        return (first, end);
    }

    /// <inheritdoc />
    public async Task<Instant?> LatestFixTimeAsync(TagId tag, CancellationToken cancellationToken = default)
    {
        // Each chunk row carries its last fix time: the tag's latest is the greatest, read from the chunk rows alone.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(c.EndUnixMs) FROM fix_chunks c JOIN tags t ON t.Key = c.TagKey WHERE t.DeviceId = $id";
        command.Parameters.AddWithValue("$id", tag.Value);
        return await command.ExecuteScalarAsync(cancellationToken) is long latest ? Instant.FromUnixTimeMilliseconds(latest) : null;
    }

    /// <inheritdoc />
    public async Task<FixStoreStatistics> StatisticsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(DISTINCT TagKey), COALESCE(SUM(Count), 0), COUNT(*), COALESCE(SUM(LENGTH(Data)), 0) FROM fix_chunks";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new FixStoreStatistics(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static int DayOf(long unixMs) => (int)Math.Floor(unixMs / (double)MillisecondsPerDay);

    /// <summary>One tag's new fixes for one day, with what the store already held for that day.</summary>
    private sealed class DayGroup(int tagKey, int day, ArraySegment<Fix> incoming, byte[]? existing)
    {
        public int TagKey => tagKey;

        public int Day => day;

        public ArraySegment<Fix> Incoming => incoming;

        public Fix[]? Merged { get; private set; }

        public byte[]? Encoded { get; private set; }

        public int Added { get; private set; }

        public int AddedFlagged { get; private set; }

        public void Merge()
        {
            var held = new List<Fix>();
            if (existing is not null)
            {
                FixChunkCodec.Decode(existing, held);
            }

            (Merged, Added, AddedFlagged) = FixMerge.Merge(CollectionsMarshal.AsSpan(held), incoming);
            Encoded = Added > 0 ? FixChunkCodec.Encode(Merged) : null;
        }

        public void Release()
        {
            Merged = null;
            Encoded = null;
        }
    }

    private sealed class ChunkParameters
    {
        private readonly SqliteParameter _tag, _day, _start, _end, _minLat, _maxLat, _minLon, _maxLon, _count, _data;

        public ChunkParameters(SqliteCommand command)
        {
            _tag = command.Parameters.Add("$tag", SqliteType.Integer);
            _day = command.Parameters.Add("$day", SqliteType.Integer);
            _start = command.Parameters.Add("$start", SqliteType.Integer);
            _end = command.Parameters.Add("$end", SqliteType.Integer);
            _minLat = command.Parameters.Add("$minLat", SqliteType.Integer);
            _maxLat = command.Parameters.Add("$maxLat", SqliteType.Integer);
            _minLon = command.Parameters.Add("$minLon", SqliteType.Integer);
            _maxLon = command.Parameters.Add("$maxLon", SqliteType.Integer);
            _count = command.Parameters.Add("$count", SqliteType.Integer);
            _data = command.Parameters.Add("$data", SqliteType.Blob);
        }

        public void Bind(int tagKey, int day, Fix[] fixes, byte[] encoded)
        {
            int minLat = int.MaxValue, maxLat = int.MinValue, minLon = int.MaxValue, maxLon = int.MinValue;
            foreach (var fix in fixes)
            {
                minLat = Math.Min(minLat, fix.LatitudeE7);
                maxLat = Math.Max(maxLat, fix.LatitudeE7);
                minLon = Math.Min(minLon, fix.LongitudeE7);
                maxLon = Math.Max(maxLon, fix.LongitudeE7);
            }

            _tag.Value = tagKey;
            _day.Value = day;
            _start.Value = fixes[0].TimeUnixMs;
            _end.Value = fixes[^1].TimeUnixMs;
            _minLat.Value = minLat;
            _maxLat.Value = maxLat;
            _minLon.Value = minLon;
            _maxLon.Value = maxLon;
            _count.Value = fixes.Length;
            _data.Value = encoded;
        }
    }
}
