using Microsoft.Data.Sqlite;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Ingest;
using Tagwatch.Core.Identity;
using Tagwatch.Storage.Fixes;

namespace Tagwatch.Storage.Ingest;

/// <summary>Writes each group commit of live traffic — fixes, raw frames, events, contacts, refusals — in one SQLite transaction.</summary>
public sealed class SqliteIngestStore(TagwatchDatabase database) : EfIngestStore(database)
{
    /// <inheritdoc />
    public override async Task<FixAppendResult> CommitAsync(IngestCommit commit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var tags = commit.Fixes.Keys.Concat(commit.Frames.Select(f => f.Tag)).Concat(commit.Events.Select(e => e.Tag)).Concat(commit.Contacts.Keys).ToHashSet();
        var keys = await TagKeys.ResolveAsync(connection, transaction, tags, cancellationToken);
        var appended = commit.Fixes.Count == 0
            ? new FixAppendResult(0, 0, 0)
            : await SqliteFixStore.AppendInTransactionAsync(connection, transaction, keys, commit.Fixes, cancellationToken);

        await InsertFramesAsync(connection, transaction, keys, commit.Frames, cancellationToken);
        var eventIds = await InsertEventsAsync(connection, transaction, keys, commit.Events, cancellationToken);
        await UpsertContactsAsync(connection, transaction, keys, commit.Contacts.Values, cancellationToken);
        if (commit.Refused.Count > 0)
        {
            await UpsertRefusedAsync(connection, transaction, commit.Refused.Values, cancellationToken);
            await FoldOldestRefusalsAsync(connection, transaction, commit.MaxRefusalRecords, cancellationToken);
        }

        await QueueCorrelationAsync(connection, transaction, commit.Fixes, cancellationToken);
        var monitoring = await QueueMonitoringAsync(connection, transaction, commit, eventIds, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        commit.MonitoringEntries.AddRange(monitoring);
        return appended;
    }

    /// <summary>Queues the commit's fix times for correlation in its own transaction: a crash after the commit cannot lose
    /// the crimes those fixes are to be checked against (<see cref="Application.Correlation.IPendingCorrelationStore"/>).</summary>
    private static async Task QueueCorrelationAsync(SqliteConnection connection, SqliteTransaction transaction, Dictionary<TagId, List<Core.Fixes.Fix>> fixes, CancellationToken cancellationToken)
    {
        long from = long.MaxValue, to = long.MinValue, received = 0;
        foreach (var tagFixes in fixes.Values)
        {
            foreach (var fix in tagFixes)
            {
                from = Math.Min(from, fix.TimeUnixMs);
                to = Math.Max(to, fix.TimeUnixMs);
                received = Math.Max(received, fix.ReceivedUnixSeconds);
            }
        }

        if (from > to)
        {
            return;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = Correlation.EfPendingCorrelationStore.QueueFixesSql;
        insert.Parameters.AddWithValue("$queued", received * 1000); // the store has no clock: queued when the latest fix arrived
        insert.Parameters.AddWithValue("$from", from);
        insert.Parameters.AddWithValue("$to", to);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records in the same transaction each tag's evaluation from its earliest new fix and each device event to
    /// raise (<see cref="Application.Monitoring.IPendingMonitoringStore"/>); returns the entries' ids.</summary>
    private static async Task<List<long>> QueueMonitoringAsync(SqliteConnection connection, SqliteTransaction transaction, IngestCommit commit, List<long> eventIds, CancellationToken cancellationToken)
    {
        var ids = new List<long>(commit.Fixes.Count + eventIds.Count);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO monitoring_pending (Tag, FromUnixMs, EventId, QueuedUnixMs, FailedAttempts) VALUES ($tag, $from, $event, $queued, 0) RETURNING Id";
        var tag = insert.Parameters.Add("$tag", SqliteType.Text);
        var from = insert.Parameters.Add("$from", SqliteType.Integer);
        var eventId = insert.Parameters.Add("$event", SqliteType.Integer);
        var queued = insert.Parameters.Add("$queued", SqliteType.Integer);
        var entries = Monitoring.EfPendingMonitoringStore.FixEntriesOf(commit.Fixes).Select(f => (f.Tag, (long?)f.FromUnixMs, (long?)null, f.QueuedUnixMs))
            .Concat(commit.Events.Select((e, i) => (e.Tag, (long?)null, (long?)eventIds[i], e.Received.ToUnixTimeMilliseconds())));
        foreach (var (entryTag, entryFrom, entryEvent, entryQueued) in entries)
        {
            tag.Value = entryTag.Value;
            from.Value = entryFrom ?? (object)DBNull.Value;
            eventId.Value = entryEvent ?? (object)DBNull.Value;
            queued.Value = entryQueued;
            ids.Add((long)(await insert.ExecuteScalarAsync(cancellationToken))!);
        }

        return ids;
    }

    private static async Task InsertFramesAsync(SqliteConnection connection, SqliteTransaction transaction, Dictionary<TagId, int> keys, List<RawFrame> frames, CancellationToken cancellationToken)
    {
        if (frames.Count == 0)
        {
            return;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO raw_frames (TagKey, ReceivedUnixMs, Protocol, Payload) VALUES ($tag, $received, $protocol, $payload)";
        var tag = insert.Parameters.Add("$tag", SqliteType.Integer);
        var received = insert.Parameters.Add("$received", SqliteType.Integer);
        var protocol = insert.Parameters.Add("$protocol", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        foreach (var frame in frames)
        {
            tag.Value = keys[frame.Tag];
            received.Value = frame.Received.ToUnixTimeMilliseconds();
            protocol.Value = frame.Protocol;
            payload.Value = frame.Payload.ToArray();
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // Returns the rows' ids, in the order of the events.
    private static async Task<List<long>> InsertEventsAsync(SqliteConnection connection, SqliteTransaction transaction, Dictionary<TagId, int> keys, List<DeviceEventRecord> events, CancellationToken cancellationToken)
    {
        var ids = new List<long>(events.Count);
        if (events.Count == 0)
        {
            return ids;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO device_events (TagKey, TimeUnixMs, ReceivedUnixMs, Kind) VALUES ($tag, $time, $received, $kind) RETURNING Id";
        var tag = insert.Parameters.Add("$tag", SqliteType.Integer);
        var time = insert.Parameters.Add("$time", SqliteType.Integer);
        var received = insert.Parameters.Add("$received", SqliteType.Integer);
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        foreach (var e in events)
        {
            tag.Value = keys[e.Tag];
            time.Value = e.Time.ToUnixTimeMilliseconds();
            received.Value = e.Received.ToUnixTimeMilliseconds();
            kind.Value = e.Kind;
            ids.Add((long)(await insert.ExecuteScalarAsync(cancellationToken))!);
        }

        return ids;
    }

    private static async Task UpsertContactsAsync(SqliteConnection connection, SqliteTransaction transaction, Dictionary<TagId, int> keys, IEnumerable<DeviceContact> contacts, CancellationToken cancellationToken)
    {
        using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        // Late uploads must not move contact back in time: keep the later of stored and new.
        upsert.CommandText = """
            INSERT INTO device_contacts (TagKey, LastContactUnixMs, LastFixUnixMs, BatteryPercent, Charging, Protocol)
            VALUES ($tag, $contact, $fix, $battery, $charging, $protocol)
            ON CONFLICT (TagKey) DO UPDATE SET
                LastContactUnixMs = max(LastContactUnixMs, excluded.LastContactUnixMs),
                LastFixUnixMs = CASE WHEN LastFixUnixMs IS NULL OR excluded.LastFixUnixMs > LastFixUnixMs THEN coalesce(excluded.LastFixUnixMs, LastFixUnixMs) ELSE LastFixUnixMs END,
                BatteryPercent = coalesce(excluded.BatteryPercent, BatteryPercent),
                Charging = coalesce(excluded.Charging, Charging),
                Protocol = excluded.Protocol
            """;
        var tag = upsert.Parameters.Add("$tag", SqliteType.Integer);
        var contact = upsert.Parameters.Add("$contact", SqliteType.Integer);
        var fix = upsert.Parameters.Add("$fix", SqliteType.Integer);
        var battery = upsert.Parameters.Add("$battery", SqliteType.Integer);
        var charging = upsert.Parameters.Add("$charging", SqliteType.Integer);
        var protocol = upsert.Parameters.Add("$protocol", SqliteType.Text);
        foreach (var c in contacts)
        {
            tag.Value = keys[c.Tag];
            contact.Value = c.LastContact.ToUnixTimeMilliseconds();
            fix.Value = c.LastFix is { } f ? f.ToUnixTimeMilliseconds() : DBNull.Value;
            battery.Value = c.BatteryPercent is { } b ? b : DBNull.Value;
            charging.Value = c.Charging is { } ch ? (ch ? 1 : 0) : DBNull.Value;
            protocol.Value = c.Protocol;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task UpsertRefusedAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<RefusedDevice> refused, CancellationToken cancellationToken)
    {
        using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO refused_devices (DeviceId, Protocol, Reason, Source, FirstSeenUnixMs, LastSeenUnixMs, Messages, LastRemote, Detail)
            VALUES ($id, $protocol, $reason, $source, $first, $last, $messages, $remote, $detail)
            ON CONFLICT (DeviceId, Protocol, Reason, Source) DO UPDATE SET LastSeenUnixMs = max(LastSeenUnixMs, excluded.LastSeenUnixMs),
                Messages = Messages + excluded.Messages, LastRemote = coalesce(excluded.LastRemote, LastRemote), Detail = coalesce(excluded.Detail, Detail)
            """;
        var id = upsert.Parameters.Add("$id", SqliteType.Text);
        var protocol = upsert.Parameters.Add("$protocol", SqliteType.Text);
        var reason = upsert.Parameters.Add("$reason", SqliteType.Text);
        var source = upsert.Parameters.Add("$source", SqliteType.Text);
        var first = upsert.Parameters.Add("$first", SqliteType.Integer);
        var last = upsert.Parameters.Add("$last", SqliteType.Integer);
        var messages = upsert.Parameters.Add("$messages", SqliteType.Integer);
        var remote = upsert.Parameters.Add("$remote", SqliteType.Text);
        var detail = upsert.Parameters.Add("$detail", SqliteType.Text);
        foreach (var r in refused)
        {
            id.Value = r.DeviceId;
            protocol.Value = r.Protocol;
            reason.Value = ReasonName(r.Reason);
            source.Value = r.Source;
            first.Value = r.FirstSeen.ToUnixTimeMilliseconds();
            last.Value = r.LastSeen.ToUnixTimeMilliseconds();
            messages.Value = r.Messages;
            remote.Value = (object?)r.LastRemote ?? DBNull.Value;
            detail.Value = (object?)r.Detail ?? DBNull.Value;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // Keeps the record of refusals to its cap: the least recently seen records beyond it are folded into one record
    // (reason "folded"), their messages still counted and their first sighting kept, so nothing is hidden and a
    // flood of invented identifiers cannot grow the table without end.
    private static async Task FoldOldestRefusalsAsync(SqliteConnection connection, SqliteTransaction transaction, int maxRefusalRecords, CancellationToken cancellationToken)
    {
        using var fold = connection.CreateCommand();
        fold.Transaction = transaction;
        fold.CommandText = """
            CREATE TEMP TABLE IF NOT EXISTS folding_refusals (DeviceId TEXT, Protocol TEXT, Reason TEXT, Source TEXT);
            DELETE FROM folding_refusals;
            INSERT INTO folding_refusals
                SELECT DeviceId, Protocol, Reason, Source FROM refused_devices WHERE Reason <> $folded
                ORDER BY LastSeenUnixMs, Messages LIMIT max(0, (SELECT count(*) FROM refused_devices WHERE Reason <> $folded) - $cap);
            INSERT INTO refused_devices (DeviceId, Protocol, Reason, Source, FirstSeenUnixMs, LastSeenUnixMs, Messages, LastRemote, Detail)
                SELECT '', '', $folded, '', min(r.FirstSeenUnixMs), max(r.LastSeenUnixMs), sum(r.Messages), NULL, 'older refusals folded together when the record was full'
                FROM refused_devices r JOIN folding_refusals f USING (DeviceId, Protocol, Reason, Source)
                WHERE true HAVING count(*) > 0
            ON CONFLICT (DeviceId, Protocol, Reason, Source) DO UPDATE SET FirstSeenUnixMs = min(FirstSeenUnixMs, excluded.FirstSeenUnixMs),
                LastSeenUnixMs = max(LastSeenUnixMs, excluded.LastSeenUnixMs), Messages = Messages + excluded.Messages;
            DELETE FROM refused_devices WHERE (DeviceId, Protocol, Reason, Source) IN (SELECT DeviceId, Protocol, Reason, Source FROM folding_refusals);
            """;
        fold.Parameters.AddWithValue("$folded", ReasonName(RefusalReason.Folded));
        fold.Parameters.AddWithValue("$cap", Math.Max(1, maxRefusalRecords - 1)); // one place is the folded record's
        await fold.ExecuteNonQueryAsync(cancellationToken);
    }

}
