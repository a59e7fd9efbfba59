using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Migrations.Sqlite
{
    /// <summary>
    /// The chain's base is guarded like the log: it moves only forward, by a retention purge, to a record older than the
    /// audit retention period that the purge record just appended names; audit records may be deleted only once the
    /// base has passed them. The <c>Purging</c> flag, which anyone with SQL access could set, is gone.
    /// </summary>
    public partial class AuditChainBaseMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // In SQL, in this order: the old delete guard reads the flag, so it goes before the column (EF would rebuild
            // the table around the trigger instead).
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_no_delete;");
            migrationBuilder.Sql("ALTER TABLE audit_chain_base DROP COLUMN Purging;");
            migrationBuilder.Sql("ALTER TABLE audit_chain_base ADD COLUMN AtUnixMs INTEGER NOT NULL DEFAULT 0;");
            migrationBuilder.Sql("ALTER TABLE audit_chain_base ADD COLUMN RetentionDays INTEGER NOT NULL DEFAULT 0;");
            migrationBuilder.Sql("ALTER TABLE audit_chain_base ADD COLUMN MovedBy INTEGER NOT NULL DEFAULT 0;");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_chain_base_moves_by_retention;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_chain_base_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_chain_base_no_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_no_delete;");
            migrationBuilder.Sql("ALTER TABLE audit_chain_base DROP COLUMN AtUnixMs;");
            migrationBuilder.Sql("ALTER TABLE audit_chain_base DROP COLUMN RetentionDays;");
            migrationBuilder.Sql("ALTER TABLE audit_chain_base DROP COLUMN MovedBy;");
            migrationBuilder.Sql("ALTER TABLE audit_chain_base ADD COLUMN Purging INTEGER NOT NULL DEFAULT 0;");
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                WHEN (SELECT Purging FROM audit_chain_base WHERE Id = 1) = 0
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                """);
        }
    }
}
