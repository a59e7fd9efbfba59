using Npgsql;
using NodaTime;
using Tagwatch.Application.Audit;

namespace Tagwatch.Storage.Postgres.Audit;

/// <summary>
/// The audit log on PostgreSQL, the same hash chain as on SQLite. Every append (and a retention purge) first takes one
/// transaction-level advisory lock, so the nodes of a deployment take turns at the chain's head and form one unbroken
/// chain; the database's triggers keep the log append-only (migration AuditGuards).
/// </summary>
public sealed class PostgresAuditLog(PostgresDatabase database, TimeProvider clock) : IAuditLog
{
    private const string Columns = "\"Sequence\", \"AtUnixMs\", \"Actor\", \"ActorRole\", \"Action\", \"SubjectType\", \"SubjectId\", \"Data\", \"Purpose\", \"DisclosedTo\", \"PreviousHash\", \"Hash\"";

    // One lock for the chain's head, shared by every node.
    private const string ChainLock = "SELECT pg_advisory_xact_lock(hashtext('tagwatch audit chain'))";

    /// <inheritdoc />
    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Action);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, ChainLock, cancellationToken);
        var entry = await AppendAsync(connection, Now(), auditEvent, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry;
    }

    /// <inheritdoc />
    public async Task<long> RemoveBeforeAsync(Instant cutoff, int retentionDays, string actor, string actorRole, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionDays, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long cutoffMs = cutoff.ToUnixTimeMilliseconds();
        if (dryRun)
        {
            return await ScalarAsync(connection, $"SELECT COUNT(*) FROM audit_log WHERE \"AtUnixMs\" < {cutoffMs}", cancellationToken);
        }

        await ExecuteAsync(connection, ChainLock, cancellationToken);
        var current = await ChainBaseAsync(connection, cancellationToken);
        if (retentionDays < current.RetentionDays)
        {
            throw new ArgumentException(
                $"retention:audit-days: {retentionDays} is shorter than the {current.RetentionDays} days this audit log was already trimmed under; the database refuses to shorten it.",
                nameof(retentionDays));
        }

        // The records removed are a prefix of the chain: everything up to the last record older than the cut-off.
        AuditChainBase next;
        await using (var find = connection.CreateCommand())
        {
            find.CommandText = $"SELECT \"Sequence\", \"Hash\", \"AtUnixMs\" FROM audit_log WHERE \"Sequence\" = (SELECT MAX(\"Sequence\") FROM audit_log WHERE \"AtUnixMs\" < {cutoffMs})";
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return 0;
            }

            next = new AuditChainBase(reader.GetInt64(0), reader.GetString(1), Instant.FromUnixTimeMilliseconds(reader.GetInt64(2)), retentionDays, 0);
        }

        long removed = await ScalarAsync(connection, $"SELECT COUNT(*) FROM audit_log WHERE \"Sequence\" <= {next.Sequence}", cancellationToken);

        // The move is recorded first: the database lets the base move only to the record the newest purge record names,
        // and lets records go only once the base has passed them.
        var move = await AppendAsync(connection, Now(), next.MoveRecord(actor, actorRole, removed, cutoff), cancellationToken);
        await using (var purge = connection.CreateCommand())
        {
            // With the owner's rights: the nodes' role may not delete audit records itself (migration ApplicationRole).
            purge.CommandText = "SELECT tagwatch_audit_purge(@seq, @hash, @at, @days, @by)";
            purge.Parameters.AddWithValue("seq", next.Sequence);
            purge.Parameters.AddWithValue("hash", next.Hash);
            purge.Parameters.AddWithValue("at", next.At.ToUnixTimeMilliseconds());
            purge.Parameters.AddWithValue("days", retentionDays);
            purge.Parameters.AddWithValue("by", move.Sequence);
            await purge.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string> { "\"Sequence\" > @after" };
        command.Parameters.AddWithValue("after", query.AfterSequence);
        if (query.From is { } from)
        {
            where.Add("\"AtUnixMs\" >= @from");
            command.Parameters.AddWithValue("from", from.ToUnixTimeMilliseconds());
        }

        if (query.To is { } to)
        {
            where.Add("\"AtUnixMs\" < @to");
            command.Parameters.AddWithValue("to", to.ToUnixTimeMilliseconds());
        }

        if (!string.IsNullOrEmpty(query.Actor))
        {
            where.Add("\"Actor\" = @actor");
            command.Parameters.AddWithValue("actor", query.Actor);
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            where.Add(query.Action.EndsWith('.') ? "left(\"Action\", length(@action)) = @action" : "\"Action\" = @action");
            command.Parameters.AddWithValue("action", query.Action);
        }

        if (!string.IsNullOrEmpty(query.SubjectId))
        {
            where.Add("\"SubjectId\" = @subject");
            command.Parameters.AddWithValue("subject", query.SubjectId);
        }

        command.CommandText = $"SELECT {Columns} FROM audit_log WHERE {string.Join(" AND ", where)} ORDER BY \"Sequence\" LIMIT @limit";
        command.Parameters.AddWithValue("limit", Math.Clamp(query.Limit, 1, 100_000));
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<AuditVerification> VerifyAsync((long Sequence, string Hash)? expectedHead = null, Duration? retention = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // A repeatable-read transaction: one consistent snapshot of the log, its base and its head.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var problems = new List<string>();
        var chainBase = await ChainBaseAsync(connection, cancellationToken);
        (long previousSequence, string previousHash) = (chainBase.Sequence, chainBase.Hash);
        bool expectedHeadSeen = expectedHead is null || expectedHead.Value.Sequence <= previousSequence;
        AuditEntry? move = null;
        long count = 0;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {Columns} FROM audit_log ORDER BY \"Sequence\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var entry = Read(reader);
                count++;
                if (entry.Sequence != previousSequence + 1)
                {
                    problems.Add($"records {previousSequence + 1}–{entry.Sequence - 1} are missing (deleted)");
                }

                if (entry.PreviousHash != previousHash)
                {
                    problems.Add($"record {entry.Sequence} does not link to the record before it");
                }

                if (AuditChain.Hash(entry.Sequence, entry.At, entry.Event, entry.PreviousHash) != entry.Hash)
                {
                    problems.Add($"record {entry.Sequence} was altered (its hash does not match its content)");
                }

                if (expectedHead is { } head && entry.Sequence == head.Sequence)
                {
                    expectedHeadSeen = true;
                    if (!string.Equals(entry.Hash, head.Hash, StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add($"record {entry.Sequence} is not the record whose hash was noted ({head.Hash})");
                    }
                }

                if (entry.Sequence == chainBase.MovedBy)
                {
                    move = entry;
                }

                previousSequence = entry.Sequence;
                previousHash = entry.Hash;
            }
        }

        long highestIssued = await HighestIssuedAsync(connection, cancellationToken);
        if (highestIssued > previousSequence)
        {
            problems.Add($"records {previousSequence + 1}–{highestIssued} were issued but are missing (tail cut off)");
        }

        if (!expectedHeadSeen)
        {
            problems.Add($"record {expectedHead!.Value.Sequence}, noted earlier, is no longer in the log");
        }

        problems.AddRange(AuditChainBaseCheck.Problems(chainBase, move, Now(), retention));
        return new AuditVerification(problems.Count == 0, count, previousSequence, previousHash, problems);
    }

    /// <summary>Appends inside the caller's write transaction, linking to the last record (or the chain's base).</summary>
    private static async Task<AuditEntry> AppendAsync(NpgsqlConnection connection, Instant at, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        (long lastSequence, string lastHash) = await HeadAsync(connection, cancellationToken);
        long sequence = lastSequence + 1;
        string hash = AuditChain.Hash(sequence, at, auditEvent, lastHash);
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO audit_log ({Columns}) VALUES (@seq, @at, @actor, @role, @action, @stype, @sid, @data, @purpose, @to, @prev, @hash); UPDATE audit_head SET \"Sequence\" = @seq WHERE \"Id\" = 1 AND \"Sequence\" < @seq";
        insert.Parameters.AddWithValue("seq", sequence);
        insert.Parameters.AddWithValue("at", at.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("actor", auditEvent.Actor);
        insert.Parameters.AddWithValue("role", auditEvent.ActorRole);
        insert.Parameters.AddWithValue("action", auditEvent.Action);
        insert.Parameters.AddWithValue("stype", auditEvent.SubjectType);
        insert.Parameters.AddWithValue("sid", (object?)auditEvent.SubjectId ?? DBNull.Value);
        insert.Parameters.AddWithValue("data", auditEvent.Data);
        insert.Parameters.AddWithValue("purpose", (object?)auditEvent.Purpose ?? DBNull.Value);
        insert.Parameters.AddWithValue("to", (object?)auditEvent.DisclosedTo ?? DBNull.Value);
        insert.Parameters.AddWithValue("prev", lastHash);
        insert.Parameters.AddWithValue("hash", hash);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return new AuditEntry(sequence, at, auditEvent, lastHash, hash);
    }

    private Instant Now() => Instant.FromDateTimeOffset(clock.GetUtcNow());

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<(long Sequence, string Hash)> HeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Sequence\", \"Hash\" FROM audit_log ORDER BY \"Sequence\" DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            return (reader.GetInt64(0), reader.GetString(1));
        }

        await reader.DisposeAsync();
        var chainBase = await ChainBaseAsync(connection, cancellationToken);
        return (chainBase.Sequence, chainBase.Hash);
    }

    private static async Task<AuditChainBase> ChainBaseAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Sequence\", \"Hash\", \"AtUnixMs\", \"RetentionDays\", \"MovedBy\" FROM audit_chain_base WHERE \"Id\" = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AuditChainBase(reader.GetInt64(0), reader.GetString(1), Instant.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetInt32(3), reader.GetInt64(4))
            : AuditChainBase.Genesis;
    }

    private static async Task<long> HighestIssuedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Sequence\" FROM audit_head WHERE \"Id\" = 1";
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;
    }

    private static AuditEntry Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        Instant.FromUnixTimeMilliseconds(reader.GetInt64(1)),
        new AuditEvent(
            reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9)),
        reader.GetString(10),
        reader.GetString(11));
}
