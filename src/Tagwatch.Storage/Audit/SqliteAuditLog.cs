using Microsoft.Data.Sqlite;
using NodaTime;
using Tagwatch.Application.Audit;

namespace Tagwatch.Storage.Audit;

/// <summary>
/// The audit log on SQLite. Appends take the database's write lock (<c>BEGIN IMMEDIATE</c>) before reading the last
/// hash, so writers in several processes (server, command line) still form one unbroken chain.
/// </summary>
public sealed class SqliteAuditLog(TagwatchDatabase database, TimeProvider clock) : IAuditLog
{
    private const string Columns = "Sequence, AtUnixMs, Actor, ActorRole, Action, SubjectType, SubjectId, Data, Purpose, DisclosedTo, PreviousHash, Hash";

    /// <inheritdoc />
    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Action);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        (long lastSequence, string lastHash) = await HeadAsync(connection, transaction, cancellationToken);
        var at = Instant.FromDateTimeOffset(clock.GetUtcNow());
        long sequence = lastSequence + 1;
        string hash = AuditChain.Hash(sequence, at, auditEvent, lastHash);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO audit_log ({Columns}) VALUES ($seq, $at, $actor, $role, $action, $stype, $sid, $data, $purpose, $to, $prev, $hash)";
            insert.Parameters.AddWithValue("$seq", sequence);
            insert.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$actor", auditEvent.Actor);
            insert.Parameters.AddWithValue("$role", auditEvent.ActorRole);
            insert.Parameters.AddWithValue("$action", auditEvent.Action);
            insert.Parameters.AddWithValue("$stype", auditEvent.SubjectType);
            insert.Parameters.AddWithValue("$sid", (object?)auditEvent.SubjectId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$data", auditEvent.Data);
            insert.Parameters.AddWithValue("$purpose", (object?)auditEvent.Purpose ?? DBNull.Value);
            insert.Parameters.AddWithValue("$to", (object?)auditEvent.DisclosedTo ?? DBNull.Value);
            insert.Parameters.AddWithValue("$prev", lastHash);
            insert.Parameters.AddWithValue("$hash", hash);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new AuditEntry(sequence, at, auditEvent, lastHash, hash);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string> { "Sequence > $after" };
        command.Parameters.AddWithValue("$after", query.AfterSequence);
        if (query.From is { } from)
        {
            where.Add("AtUnixMs >= $from");
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (query.To is { } to)
        {
            where.Add("AtUnixMs < $to");
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        if (!string.IsNullOrEmpty(query.Actor))
        {
            where.Add("Actor = $actor");
            command.Parameters.AddWithValue("$actor", query.Actor);
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            where.Add(query.Action.EndsWith('.') ? "substr(Action, 1, length($action)) = $action" : "Action = $action");
            command.Parameters.AddWithValue("$action", query.Action);
        }

        if (!string.IsNullOrEmpty(query.SubjectId))
        {
            where.Add("SubjectId = $subject");
            command.Parameters.AddWithValue("$subject", query.SubjectId);
        }

        command.CommandText = $"SELECT {Columns} FROM audit_log WHERE {string.Join(" AND ", where)} ORDER BY Sequence LIMIT $limit";
        command.Parameters.AddWithValue("$limit", Math.Clamp(query.Limit, 1, 100_000));
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<AuditVerification> VerifyAsync((long Sequence, string Hash)? expectedHead = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // A deferred (read) transaction: one consistent snapshot of the log, its base and sqlite_sequence.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var problems = new List<string>();
        (long previousSequence, string previousHash) = await ChainBaseAsync(connection, transaction, cancellationToken);
        bool expectedHeadSeen = expectedHead is null || expectedHead.Value.Sequence <= previousSequence;
        long count = 0;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT {Columns} FROM audit_log ORDER BY Sequence";
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

                previousSequence = entry.Sequence;
                previousHash = entry.Hash;
            }
        }

        long highestIssued = await HighestIssuedAsync(connection, transaction, cancellationToken);
        if (highestIssued > previousSequence)
        {
            problems.Add($"records {previousSequence + 1}–{highestIssued} were issued but are missing (tail cut off)");
        }

        if (!expectedHeadSeen)
        {
            problems.Add($"record {expectedHead!.Value.Sequence}, noted earlier, is no longer in the log");
        }

        return new AuditVerification(problems.Count == 0, count, previousSequence, previousHash, problems);
    }

    private static async Task<(long Sequence, string Hash)> HeadAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Sequence, Hash FROM audit_log ORDER BY Sequence DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            return (reader.GetInt64(0), reader.GetString(1));
        }

        await reader.DisposeAsync();
        return await ChainBaseAsync(connection, transaction, cancellationToken);
    }

    private static async Task<(long Sequence, string Hash)> ChainBaseAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Sequence, Hash FROM audit_chain_base WHERE Id = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChain.Genesis);
    }

    private static async Task<long> HighestIssuedAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'";
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;
    }

    private static AuditEntry Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        Instant.FromUnixTimeMilliseconds(reader.GetInt64(1)),
        new AuditEvent(
            reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9)),
        reader.GetString(10),
        reader.GetString(11));
}
