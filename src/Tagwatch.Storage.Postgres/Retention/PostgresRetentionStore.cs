using Npgsql;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Tagwatch.Application.Retention;
using Tagwatch.Storage.Model;
using Tagwatch.Storage.Postgres.Fixes;

namespace Tagwatch.Storage.Postgres.Retention;

/// <summary>
/// Retention on PostgreSQL, by the same rules as on SQLite. Each kind is deleted in batches of a few hundred rows, each batch its own short transaction, so
/// ingest commits interleave. Data of people under a standing legal hold (their tags, alerts and matches) is never deleted.
/// The fix store's day grids built from purged chunks are deleted with them. A parent row (an alert, a match, a
/// condition, a person) goes with the rows of every table that refers to it by the parent's key column
/// (<c>AlertId</c>, <c>MatchId</c>, <c>ConditionId</c>, <c>OffenderId</c>, <c>OffenderReference</c>), found in the
/// schema at run time, so a table added later is purged with its parent without anyone listing it here.
/// </summary>
public sealed class PostgresRetentionStore(PostgresDatabase database, PostgresFixGrids grids) : IRetentionStore
{
    private const int Batch = 500;
    private const long MillisecondsPerDay = 86_400_000;

    private const string HeldOffenders = "SELECT o.\"Id\" FROM offenders o JOIN legal_holds h ON h.\"OffenderReference\" = o.\"Reference\" WHERE h.\"LiftedUnixMs\" IS NULL";
    private const string HeldReferences = "SELECT \"OffenderReference\" FROM legal_holds WHERE \"LiftedUnixMs\" IS NULL";
    private const string HeldTagKeys = $"SELECT a.\"TagKey\" FROM tag_assignments a WHERE a.\"OffenderId\" IN ({HeldOffenders})";
    private const string HeldDevices = $"SELECT t.\"DeviceId\" FROM tags t WHERE t.\"Key\" IN ({HeldTagKeys})";

    /// <inheritdoc />
    public async Task<RetentionCounts> PurgeAsync(RetentionCutoffs cutoffs, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        long trailsMs = cutoffs.Trails.ToUnixTimeMilliseconds();

        // A tag-day's chunk goes once the whole UTC day is past the cut-off: whole months at once where no legal hold
        // keeps a chunk in them (the partition dropped, nothing left to vacuum), then the rest row by row.
        long firstKeptDay = (long)Math.Floor((double)trailsMs / MillisecondsPerDay);
        long chunks = dryRun ? 0 : await DropFixPartitionsAsync(connection, firstKeptDay, cancellationToken);
        chunks += await DeleteAsync(connection, dryRun, "fix_chunks", "\"TagKey\", \"Day\"",
            $"\"Day\" < {firstKeptDay} AND \"TagKey\" NOT IN ({HeldTagKeys})", cancellationToken);
        if (chunks > 0 && !dryRun)
        {
            await grids.PruneAsync(cancellationToken);
        }

        long events = await DeleteAsync(connection, dryRun, "device_events", "\"Id\"", $"\"TimeUnixMs\" < {trailsMs} AND \"TagKey\" NOT IN ({HeldTagKeys})", cancellationToken);
        long framesMs = cutoffs.RawFrames.ToUnixTimeMilliseconds();
        long frames = await DeleteAsync(connection, dryRun, "raw_frames", "\"Id\"", $"\"ReceivedUnixMs\" < {framesMs} AND \"TagKey\" NOT IN ({HeldTagKeys})", cancellationToken)
            + await DeleteAsync(connection, dryRun, "raw_frame_blocks", "\"Id\"", $"\"LastReceivedUnixMs\" < {framesMs} AND \"TagKey\" NOT IN ({HeldTagKeys})", cancellationToken, batch: 20);

        string alertsDue = $"\"EndUnixMs\" IS NOT NULL AND \"EndUnixMs\" < {cutoffs.Alerts.ToUnixTimeMilliseconds()} "
            + $"AND (\"OffenderId\" IS NULL OR \"OffenderId\" NOT IN ({HeldOffenders})) AND \"DeviceId\" NOT IN ({HeldDevices})";
        long alerts = await DeleteWithChildrenAsync(connection, dryRun, "alerts", alertsDue, await ReferringTablesAsync(connection, "AlertId", "alerts", cancellationToken), cancellationToken);

        // A match is as old as what it is about — the crime (its latest version's window) and the evidence's closest
        // fix — not as old as its last change: a match computed or reviewed today on a 2019 crime holds 2019 positions.
        long matchesMs = cutoffs.Matches.ToUnixTimeMilliseconds();
        string matchesDue = $"matches.\"ClosestTimeUnixMs\" < {matchesMs} "
            + $"AND NOT EXISTS (SELECT 1 FROM crimes mc WHERE mc.\"Force\" = matches.\"Force\" AND mc.\"Reference\" = matches.\"CrimeReference\" AND mc.\"CommittedToUnixMs\" >= {matchesMs}) "
            + $"AND (matches.\"OffenderReference\" IS NULL OR matches.\"OffenderReference\" NOT IN ({HeldReferences})) AND matches.\"DeviceId\" NOT IN ({HeldDevices})";
        long matches = await DeleteWithChildrenAsync(connection, dryRun, "matches", matchesDue, await ReferringTablesAsync(connection, "MatchId", "matches", cancellationToken), cancellationToken);

        // A crime goes with all its versions once its latest window ended before the cut-off and no kept match refers to it
        // (matches due are already gone, or, in a dry run, counted as gone).
        long crimesMs = cutoffs.Crimes.ToUnixTimeMilliseconds();
        long crimes = await DeleteAsync(connection, dryRun, "crimes", "\"Id\"",
            $"NOT EXISTS (SELECT 1 FROM crimes c2 WHERE c2.\"Force\" = crimes.\"Force\" AND c2.\"Reference\" = crimes.\"Reference\" AND c2.\"CommittedToUnixMs\" >= {crimesMs}) "
            + $"AND NOT EXISTS (SELECT 1 FROM matches WHERE matches.\"Force\" = crimes.\"Force\" AND matches.\"CrimeReference\" = crimes.\"Reference\" AND NOT ({matchesDue}))", cancellationToken);

        long people = await PurgePeopleAsync(connection, dryRun, cutoffs.Identity, cancellationToken);

        long auditMs = cutoffs.Audit.ToUnixTimeMilliseconds();
        long searches = await DeleteAsync(connection, dryRun, "location_searches", "\"Id\"", $"\"AtUnixMs\" < {auditMs}", cancellationToken);

        // The audit log trims itself (IAuditLog.RemoveBeforeAsync): its base moves only with a record of the move.
        return new RetentionCounts(chunks, events, frames, alerts, matches, crimes, searches, AuditRecords: 0) { People = people };
    }

    /// <inheritdoc />
    public async Task<LegalHold> PlaceHoldAsync(string offenderReference, string reason, string by, Instant at, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (!await context.Offenders.AnyAsync(o => o.Reference == offenderReference, cancellationToken))
        {
            throw new KeyNotFoundException($"No enrolled person has the reference '{offenderReference}'.");
        }

        var standing = await context.LegalHolds.AsNoTracking().FirstOrDefaultAsync(h => h.OffenderReference == offenderReference && h.LiftedUnixMs == null, cancellationToken);
        if (standing is not null)
        {
            return ToHold(standing);
        }

        var row = new LegalHoldRow { OffenderReference = offenderReference, Reason = reason, PlacedBy = by, PlacedUnixMs = at.ToUnixTimeMilliseconds() };
        context.LegalHolds.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        return ToHold(row);
    }

    /// <inheritdoc />
    public async Task<bool> LiftHoldAsync(string offenderReference, string by, Instant at, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var standing = await context.LegalHolds.Where(h => h.OffenderReference == offenderReference && h.LiftedUnixMs == null).ToListAsync(cancellationToken);
        foreach (var hold in standing)
        {
            hold.LiftedUnixMs = at.ToUnixTimeMilliseconds();
            hold.LiftedBy = by;
        }

        await context.SaveChangesAsync(cancellationToken);
        return standing.Count > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LegalHold>> HoldsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.LegalHolds.AsNoTracking().ToListAsync(cancellationToken);
        return rows.OrderBy(h => h.LiftedUnixMs is not null).ThenBy(h => h.OffenderReference, StringComparer.Ordinal).Select(ToHold).ToList();
    }

    private static async Task<long> DropFixPartitionsAsync(NpgsqlConnection connection, long beforeDay, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT tagwatch_drop_fix_partitions(@before, ARRAY({HeldTagKeys}))";
        command.Parameters.AddWithValue("before", (int)Math.Clamp(beforeDay, int.MinValue, int.MaxValue));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<long> DeleteAsync(NpgsqlConnection connection, bool dryRun, string table, string key, string due, CancellationToken cancellationToken, int batch = Batch)
    {
        if (dryRun)
        {
            return await ScalarAsync(connection, $"SELECT COUNT(*) FROM {table} WHERE {due}", cancellationToken);
        }

        long deleted = 0;
        while (true)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {table} WHERE ({key}) IN (SELECT {key} FROM {table} WHERE {due} LIMIT {batch})";
            int rows = await command.ExecuteNonQueryAsync(cancellationToken);
            deleted += rows;
            if (rows < batch)
            {
                return deleted;
            }
        }
    }

    /// <summary>Erases, one person per transaction, everyone whose monitoring ended (by its end date) before
    /// <paramref name="cutoff"/> and who is not under a standing hold: their alerts and matches with every row
    /// referring to those, their conditions with theirs, every row keyed by their ID or reference (personal details,
    /// risk tiers, caseloads, tag assignments, lifted holds), then the person.</summary>
    private static async Task<long> PurgePeopleAsync(NpgsqlConnection connection, bool dryRun, Instant cutoff, CancellationToken cancellationToken)
    {
        if (cutoff == Instant.MinValue)
        {
            return 0;
        }

        // Monitoring covers its end date whole, so it ended at the start of the next day: due once that is before the
        // cut-off, i.e. the end date is before the cut-off's date. ISO dates compare as text.
        string cutoffDay = LocalDatePattern.Iso.Format(cutoff.InUtc().Date);
        string due = $"\"MonitoringEnd\" <> '' AND \"MonitoringEnd\" < '{cutoffDay}' AND \"Reference\" NOT IN ({HeldReferences})";
        if (dryRun)
        {
            return await ScalarAsync(connection, $"SELECT COUNT(*) FROM offenders WHERE {due}", cancellationToken);
        }

        var people = new List<(string Id, string Reference)>();
        await using (var find = connection.CreateCommand())
        {
            find.CommandText = $"SELECT \"Id\", \"Reference\" FROM offenders WHERE {due}";
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                people.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        if (people.Count == 0)
        {
            return 0;
        }

        var alertChildren = await ReferringTablesAsync(connection, "AlertId", "alerts", cancellationToken);
        var matchChildren = await ReferringTablesAsync(connection, "MatchId", "matches", cancellationToken);
        var conditionChildren = (await ReferringTablesAsync(connection, "ConditionId", "conditions", cancellationToken)).Where(t => t.Table != "alerts").ToArray();
        var byId = (await ReferringTablesAsync(connection, "OffenderId", "offenders", cancellationToken)).Select(t => t.Table).Where(t => t is not ("alerts" or "conditions")).ToList();
        var byReference = (await ReferringTablesAsync(connection, "OffenderReference", "offenders", cancellationToken)).Select(t => t.Table).Where(t => t != "matches").ToList();
        foreach (var (id, reference) in people)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var statements = new List<string>();
            string conditions = "SELECT \"Id\" FROM conditions WHERE \"OffenderId\" = @id";
            string alerts = $"SELECT \"Id\" FROM alerts WHERE \"OffenderId\" = @id OR \"ConditionId\" IN ({conditions})";
            string matches = "SELECT \"Id\" FROM matches WHERE \"OffenderReference\" = @reference";
            statements.AddRange(alertChildren.Select(c => $"DELETE FROM {c.Table} WHERE \"{c.Column}\" IN ({alerts})"));
            statements.Add($"DELETE FROM alerts WHERE \"Id\" IN ({alerts})");
            statements.AddRange(matchChildren.Select(c => $"DELETE FROM {c.Table} WHERE \"{c.Column}\" IN ({matches})"));
            statements.Add($"DELETE FROM matches WHERE \"Id\" IN ({matches})");
            statements.AddRange(conditionChildren.Select(c => $"DELETE FROM {c.Table} WHERE \"{c.Column}\" IN ({conditions})"));
            statements.Add($"DELETE FROM conditions WHERE \"Id\" IN ({conditions})");
            statements.AddRange(byId.Select(t => $"DELETE FROM {t} WHERE \"OffenderId\" = @id"));
            statements.AddRange(byReference.Select(t => $"DELETE FROM {t} WHERE \"OffenderReference\" = @reference"));
            statements.Add("DELETE FROM offenders WHERE \"Id\" = @id");
            foreach (string sql in statements)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.Parameters.AddWithValue("id", id);
                command.Parameters.AddWithValue("reference", reference);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return people.Count;
    }

    /// <summary>Every table but <paramref name="parent"/> with a column named <paramref name="column"/>: the rows that
    /// belong to a parent row and go with it.</summary>
    private static async Task<(string Table, string Column)[]> ReferringTablesAsync(NpgsqlConnection connection, string column, string parent, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.column_name = @column AND c.table_name <> @parent
            ORDER BY c.table_name
            """;
        command.Parameters.AddWithValue("column", column);
        command.Parameters.AddWithValue("parent", parent);
        var tables = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add((reader.GetString(0), column));
        }

        return [.. tables];
    }

    /// <summary>Deletes parent rows with their child rows, batch by batch, each batch in one transaction.</summary>
    private static async Task<long> DeleteWithChildrenAsync(NpgsqlConnection connection, bool dryRun, string table, string due, (string Table, string Column)[] children, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            return await ScalarAsync(connection, $"SELECT COUNT(*) FROM {table} WHERE {due}", cancellationToken);
        }

        long deleted = 0;
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            string ids = $"SELECT \"Id\" FROM {table} WHERE {due} LIMIT {Batch}";
            await using (var temp = connection.CreateCommand())
            {
                temp.CommandText = $"CREATE TEMP TABLE IF NOT EXISTS purge_ids (\"Id\" bigint PRIMARY KEY); DELETE FROM purge_ids; INSERT INTO purge_ids {ids};";
                await temp.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var (child, column) in children)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"DELETE FROM {child} WHERE \"{column}\" IN (SELECT \"Id\" FROM purge_ids)";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            int rows;
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"DELETE FROM {table} WHERE \"Id\" IN (SELECT \"Id\" FROM purge_ids)";
                rows = await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            deleted += rows;
            if (rows < Batch)
            {
                return deleted;
            }
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static LegalHold ToHold(LegalHoldRow r) => new(
        r.OffenderReference, r.Reason, r.PlacedBy, Instant.FromUnixTimeMilliseconds(r.PlacedUnixMs),
        r.LiftedUnixMs is { } lifted ? Instant.FromUnixTimeMilliseconds(lifted) : null, r.LiftedBy);
}
