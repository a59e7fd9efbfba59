using Npgsql;
using NpgsqlTypes;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Ingest;
using Tagwatch.Core.Identity;
using Tagwatch.Storage.Ingest;
using Tagwatch.Storage.Monitoring;
using Tagwatch.Storage.Postgres.Fixes;

namespace Tagwatch.Storage.Postgres.Ingest;

/// <summary>
/// Writes each group commit of live traffic — fixes, raw frames, events, contacts, refusals, the correlation queue — in
/// one PostgreSQL transaction; the devices are acknowledged after it commits. Rows of a kind go in one statement each
/// (arrays unnested on the server), so a commit costs a handful of round trips whatever its size.
/// </summary>
public sealed class PostgresIngestStore(PostgresDatabase database, PostgresFixStore fixes) : EfIngestStore(database)
{
    /// <inheritdoc />
    public override async Task<FixAppendResult> CommitAsync(IngestCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var tags = commit.Fixes.Keys.Concat(commit.Frames.Select(f => f.Tag)).Concat(commit.Events.Select(e => e.Tag)).Concat(commit.Contacts.Keys).ToHashSet();
        var keys = await PostgresTagKeys.ResolveAsync(connection, tags, cancellationToken);
        await fixes.EnsurePartitionsAsync(connection, commit.Fixes.Values.SelectMany(f => f).Select(f => f.TimeUnixMs), cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var appended = commit.Fixes.Count == 0
            ? new FixAppendResult(0, 0, 0)
            : await PostgresFixStore.AppendInTransactionAsync(connection, keys, commit.Fixes, cancellationToken);
        await InsertFramesAsync(connection, keys, commit.Frames, cancellationToken);
        var eventEntries = await InsertEventsAsync(connection, keys, commit.Events, cancellationToken);
        await UpsertContactsAsync(connection, keys, [.. commit.Contacts.Values], cancellationToken);
        if (commit.Refused.Count > 0)
        {
            await UpsertRefusedAsync(connection, [.. commit.Refused.Values], cancellationToken);
            await FoldOldestRefusalsAsync(connection, commit.MaxRefusalRecords, cancellationToken);
        }

        await QueueCorrelationAsync(connection, commit.Fixes, cancellationToken);
        var monitoring = await QueueMonitoringAsync(connection, commit.Fixes, cancellationToken);
        monitoring.AddRange(eventEntries);
        await transaction.CommitAsync(cancellationToken);
        commit.MonitoringEntries.AddRange(monitoring);
        return appended;
    }

    /// <summary>Records each tag's evaluation from its earliest new fix in the same transaction
    /// (<see cref="Application.Monitoring.IPendingMonitoringStore"/>); returns the entries' ids.</summary>
    private static async Task<List<long>> QueueMonitoringAsync(NpgsqlConnection connection, Dictionary<TagId, List<Core.Fixes.Fix>> fixes, CancellationToken cancellationToken)
    {
        var entries = EfPendingMonitoringStore.FixEntriesOf(fixes).ToList();
        var ids = new List<long>(entries.Count);
        if (entries.Count == 0)
        {
            return ids;
        }

        await using var insert = new NpgsqlCommand("""
            INSERT INTO monitoring_pending ("Tag", "FromUnixMs", "QueuedUnixMs", "FailedAttempts")
            SELECT *, 0 FROM unnest(@tags, @from, @queued)
            RETURNING "Id"
            """, connection);
        insert.Parameters.AddWithValue("tags", entries.Select(e => e.Tag.Value).ToArray());
        insert.Parameters.AddWithValue("from", entries.Select(e => e.FromUnixMs).ToArray());
        insert.Parameters.AddWithValue("queued", entries.Select(e => e.QueuedUnixMs).ToArray());
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static async Task InsertFramesAsync(NpgsqlConnection connection, Dictionary<TagId, int> keys, List<RawFrame> frames, CancellationToken cancellationToken)
    {
        if (frames.Count == 0)
        {
            return;
        }

        await using var insert = new NpgsqlCommand("""
            INSERT INTO raw_frames ("TagKey", "ReceivedUnixMs", "Protocol", "Payload")
            SELECT * FROM unnest(@tags, @received, @protocols, @payloads)
            """, connection);
        insert.Parameters.AddWithValue("tags", frames.Select(f => keys[f.Tag]).ToArray());
        insert.Parameters.AddWithValue("received", frames.Select(f => f.Received.ToUnixTimeMilliseconds()).ToArray());
        insert.Parameters.AddWithValue("protocols", frames.Select(f => f.Protocol).ToArray());
        // bytea[] cannot be unnested from a parameter of arrays of arrays in every driver; Npgsql sends byte[][] as bytea[].
        insert.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = frames.Select(f => f.Payload.ToArray()).ToArray() });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    // Each event is also recorded as monitoring to do (IPendingMonitoringStore); returns those entries' ids.
    private static async Task<List<long>> InsertEventsAsync(NpgsqlConnection connection, Dictionary<TagId, int> keys, List<DeviceEventRecord> events, CancellationToken cancellationToken)
    {
        var ids = new List<long>(events.Count);
        if (events.Count == 0)
        {
            return ids;
        }

        await using var insert = new NpgsqlCommand("""
            WITH stored AS (
                INSERT INTO device_events ("TagKey", "TimeUnixMs", "ReceivedUnixMs", "Kind")
                SELECT * FROM unnest(@tags, @times, @received, @kinds)
                RETURNING "Id", "TagKey", "ReceivedUnixMs")
            INSERT INTO monitoring_pending ("Tag", "EventId", "QueuedUnixMs", "FailedAttempts")
            SELECT t."DeviceId", stored."Id", stored."ReceivedUnixMs", 0 FROM stored JOIN tags t ON t."Key" = stored."TagKey"
            RETURNING "Id"
            """, connection);
        insert.Parameters.AddWithValue("tags", events.Select(e => keys[e.Tag]).ToArray());
        insert.Parameters.AddWithValue("times", events.Select(e => e.Time.ToUnixTimeMilliseconds()).ToArray());
        insert.Parameters.AddWithValue("received", events.Select(e => e.Received.ToUnixTimeMilliseconds()).ToArray());
        insert.Parameters.AddWithValue("kinds", events.Select(e => e.Kind).ToArray());
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    // Late uploads must not move contact back in time: keep the later of stored and new. Rows in key order, so two
    // nodes updating the same devices lock them in the same order.
    private static async Task UpsertContactsAsync(NpgsqlConnection connection, Dictionary<TagId, int> keys, List<DeviceContact> contacts, CancellationToken cancellationToken)
    {
        if (contacts.Count == 0)
        {
            return;
        }

        contacts.Sort((a, b) => keys[a.Tag].CompareTo(keys[b.Tag]));
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO device_contacts AS d ("TagKey", "LastContactUnixMs", "LastFixUnixMs", "BatteryPercent", "Charging", "Protocol")
            SELECT * FROM unnest(@tags, @contacts, @fixes, @batteries, @charging, @protocols)
            ON CONFLICT ("TagKey") DO UPDATE SET
                "LastContactUnixMs" = greatest(d."LastContactUnixMs", excluded."LastContactUnixMs"),
                "LastFixUnixMs" = CASE WHEN d."LastFixUnixMs" IS NULL OR excluded."LastFixUnixMs" > d."LastFixUnixMs" THEN coalesce(excluded."LastFixUnixMs", d."LastFixUnixMs") ELSE d."LastFixUnixMs" END,
                "BatteryPercent" = coalesce(excluded."BatteryPercent", d."BatteryPercent"),
                "Charging" = coalesce(excluded."Charging", d."Charging"),
                "Protocol" = excluded."Protocol"
            """, connection);
        upsert.Parameters.AddWithValue("tags", contacts.Select(c => keys[c.Tag]).ToArray());
        upsert.Parameters.AddWithValue("contacts", contacts.Select(c => c.LastContact.ToUnixTimeMilliseconds()).ToArray());
        upsert.Parameters.AddWithValue("fixes", contacts.Select(c => c.LastFix?.ToUnixTimeMilliseconds()).ToArray());
        upsert.Parameters.AddWithValue("batteries", contacts.Select(c => c.BatteryPercent).ToArray());
        upsert.Parameters.AddWithValue("charging", contacts.Select(c => c.Charging).ToArray());
        upsert.Parameters.AddWithValue("protocols", contacts.Select(c => c.Protocol).ToArray());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task UpsertRefusedAsync(NpgsqlConnection connection, List<RefusedDevice> refused, CancellationToken cancellationToken)
    {
        refused.Sort((a, b) => string.CompareOrdinal(a.DeviceId + a.Protocol, b.DeviceId + b.Protocol));
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO refused_devices AS r ("DeviceId", "Protocol", "Reason", "Source", "FirstSeenUnixMs", "LastSeenUnixMs", "Messages", "LastRemote", "Detail")
            SELECT * FROM unnest(@ids, @protocols, @reasons, @sources, @first, @last, @messages, @remotes, @details)
            ON CONFLICT ("DeviceId", "Protocol", "Reason", "Source") DO UPDATE SET "LastSeenUnixMs" = greatest(r."LastSeenUnixMs", excluded."LastSeenUnixMs"),
                "Messages" = r."Messages" + excluded."Messages", "LastRemote" = coalesce(excluded."LastRemote", r."LastRemote"), "Detail" = coalesce(excluded."Detail", r."Detail")
            """, connection);
        upsert.Parameters.AddWithValue("ids", refused.Select(r => r.DeviceId).ToArray());
        upsert.Parameters.AddWithValue("protocols", refused.Select(r => r.Protocol).ToArray());
        upsert.Parameters.AddWithValue("reasons", refused.Select(r => ReasonName(r.Reason)).ToArray());
        upsert.Parameters.AddWithValue("sources", refused.Select(r => r.Source).ToArray());
        upsert.Parameters.AddWithValue("first", refused.Select(r => r.FirstSeen.ToUnixTimeMilliseconds()).ToArray());
        upsert.Parameters.AddWithValue("last", refused.Select(r => r.LastSeen.ToUnixTimeMilliseconds()).ToArray());
        upsert.Parameters.AddWithValue("messages", refused.Select(r => r.Messages).ToArray());
        upsert.Parameters.AddWithValue("remotes", refused.Select(r => r.LastRemote).ToArray());
        upsert.Parameters.AddWithValue("details", refused.Select(r => r.Detail).ToArray());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    // Keeps the record of refusals to its cap, as on SQLite: the least recently seen records beyond it are folded into
    // one record (reason "folded"), their messages still counted and their first sighting kept.
    private static async Task FoldOldestRefusalsAsync(NpgsqlConnection connection, int maxRefusalRecords, CancellationToken cancellationToken)
    {
        await using var fold = new NpgsqlCommand("""
            WITH surplus AS (
                SELECT "DeviceId", "Protocol", "Reason", "Source" FROM refused_devices WHERE "Reason" <> @folded
                ORDER BY "LastSeenUnixMs", "Messages"
                LIMIT greatest(0, (SELECT count(*) FROM refused_devices WHERE "Reason" <> @folded) - @cap)
            ), removed AS (
                DELETE FROM refused_devices r USING surplus s
                WHERE (r."DeviceId", r."Protocol", r."Reason", r."Source") = (s."DeviceId", s."Protocol", s."Reason", s."Source")
                RETURNING r."FirstSeenUnixMs", r."LastSeenUnixMs", r."Messages"
            )
            INSERT INTO refused_devices AS r ("DeviceId", "Protocol", "Reason", "Source", "FirstSeenUnixMs", "LastSeenUnixMs", "Messages", "LastRemote", "Detail")
            SELECT '', '', @folded, '', min("FirstSeenUnixMs"), max("LastSeenUnixMs"), sum("Messages"), NULL, 'older refusals folded together when the record was full'
            FROM removed HAVING count(*) > 0
            ON CONFLICT ("DeviceId", "Protocol", "Reason", "Source") DO UPDATE SET "FirstSeenUnixMs" = least(r."FirstSeenUnixMs", excluded."FirstSeenUnixMs"),
                "LastSeenUnixMs" = greatest(r."LastSeenUnixMs", excluded."LastSeenUnixMs"), "Messages" = r."Messages" + excluded."Messages"
            """, connection);
        fold.Parameters.AddWithValue("folded", ReasonName(RefusalReason.Folded));
        fold.Parameters.AddWithValue("cap", (long)Math.Max(1, maxRefusalRecords - 1)); // one place is the folded record's
        await fold.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Queues the commit's fix times for correlation in its own transaction: a crash after the commit cannot lose
    /// the crimes those fixes are to be checked against.</summary>
    private static async Task QueueCorrelationAsync(NpgsqlConnection connection, Dictionary<TagId, List<Core.Fixes.Fix>> fixes, CancellationToken cancellationToken)
    {
        long from = long.MaxValue, to = long.MinValue, received = 0;
        foreach (var fix in fixes.Values.SelectMany(f => f))
        {
            from = Math.Min(from, fix.TimeUnixMs);
            to = Math.Max(to, fix.TimeUnixMs);
            received = Math.Max(received, fix.ReceivedUnixSeconds);
        }

        if (from > to)
        {
            return;
        }

        await using var insert = new NpgsqlCommand("""
            INSERT INTO correlation_pending ("QueuedUnixMs", "Cause", "FromUnixMs", "ToUnixMs") VALUES (@queued, 'fixes', @from, @to)
            """, connection);
        insert.Parameters.AddWithValue("queued", received * 1000); // the store has no clock: queued when the latest fix arrived
        insert.Parameters.AddWithValue("from", from);
        insert.Parameters.AddWithValue("to", to);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
