using Microsoft.EntityFrameworkCore.Migrations;

namespace Tagwatch.Storage.Migrations.Sqlite;

/// <summary>
/// The part of the SQLite schema EF Core cannot express, applied by the initial migration after the tables: the seeded
/// audit chain base row, the triggers that keep the audit log append-only and the chain's base moving only forward by a
/// retention purge, and the triggers that give a day of fixes a new version whenever its chunks change.
/// </summary>
/// <remarks>Hand-written because EF Core has no model for triggers; kept here, not in the generated migration, so that
/// regenerating a migration cannot lose it. The statements are those the pre-release migrations applied, unchanged, so a
/// squashed database has the same schema as one built by them.</remarks>
internal static class SqliteSchemaGuards
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        // The log is append-only in the database itself: updates always fail, deletes only of records the chain's base
        // has passed. Verification catches whatever goes around this (e.g. someone dropping the triggers).
        migrationBuilder.Sql("INSERT INTO audit_chain_base (Id, Sequence, Hash, AtUnixMs, RetentionDays, MovedBy) VALUES (1, 0, '" + new string('0', 64) + "', 0, 0, 0);");
        migrationBuilder.Sql("""
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            WHEN OLD.Sequence > (SELECT Sequence FROM audit_chain_base WHERE Id = 1)
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: only records the chain''s base has passed may be deleted'); END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER audit_chain_base_no_insert BEFORE INSERT ON audit_chain_base
            BEGIN SELECT RAISE(ABORT, 'audit_chain_base has exactly one row'); END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER audit_chain_base_no_delete BEFORE DELETE ON audit_chain_base
            BEGIN SELECT RAISE(ABORT, 'audit_chain_base has exactly one row'); END;
            """);

        // A move must: go forward, to a record still in the log (sequence, hash and time as recorded), under a
        // retention period no shorter than before, that record being older than the period at the time of the
        // newest record — an audit.purge record naming the new base — which is not dated more than a day ahead
        // of the database's own clock.
        migrationBuilder.Sql("""
            CREATE TRIGGER audit_chain_base_moves_by_retention BEFORE UPDATE ON audit_chain_base
            WHEN NOT (
                NEW.Id = OLD.Id
                AND NEW.Sequence > OLD.Sequence
                AND NEW.RetentionDays >= OLD.RetentionDays AND NEW.RetentionDays >= 1
                AND EXISTS (SELECT 1 FROM audit_log b
                    WHERE b.Sequence = NEW.Sequence AND b.Hash = NEW.Hash AND b.AtUnixMs = NEW.AtUnixMs)
                AND EXISTS (SELECT 1 FROM audit_log m
                    WHERE m.Sequence = NEW.MovedBy
                    AND m.Sequence = (SELECT MAX(Sequence) FROM audit_log)
                    AND m.Action = 'audit.purge'
                    AND m.SubjectId = NEW.Sequence || ':' || NEW.Hash
                    AND NEW.AtUnixMs <= m.AtUnixMs - NEW.RetentionDays * 86400000
                    AND m.AtUnixMs <= (CAST(strftime('%s', 'now') AS INTEGER) + 86400) * 1000))
            BEGIN SELECT RAISE(ABORT, 'audit_chain_base moves only by a retention purge: forward, to a record older than the audit retention period (which never shortens), named by the audit.purge record just appended'); END;
            """);

        // Every change to a day's chunks gives the day a new random version, in the writer's own transaction. No
        // statement here may rely on conflict resolution: an outer upsert's would override it.
        migrationBuilder.Sql($"""
            CREATE TRIGGER fix_chunks_day_inserted AFTER INSERT ON fix_chunks
            BEGIN {Touch("NEW")} END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER fix_chunks_day_updated AFTER UPDATE ON fix_chunks
            BEGIN {Touch("NEW")} {Touch("OLD")} END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER fix_chunks_day_deleted AFTER DELETE ON fix_chunks
            BEGIN {Touch("OLD")} END;
            """);
    }

    private static string Touch(string row) =>
        $"UPDATE fix_days SET Version = random() WHERE Day = {row}.Day; "
        + $"INSERT INTO fix_days (Day, Version) SELECT {row}.Day, random() WHERE NOT EXISTS (SELECT 1 FROM fix_days WHERE Day = {row}.Day);";
}
