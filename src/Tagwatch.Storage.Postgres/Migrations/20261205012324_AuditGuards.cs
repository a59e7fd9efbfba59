using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Postgres.Migrations
{
    /// <summary>
    /// The audit log append-only in the database itself, as on SQLite: updates and truncation always fail, deletes only
    /// of records the chain's base has passed; the base row is seeded and moves only forward by a retention purge; and
    /// <c>audit_head</c> remembers the highest sequence ever issued, so a cut-off tail shows in verification.
    /// </summary>
    public partial class AuditGuards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                INSERT INTO audit_chain_base ("Id", "Sequence", "Hash", "AtUnixMs", "RetentionDays", "MovedBy")
                VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0, 0, 0);

                CREATE TABLE audit_head ("Id" integer PRIMARY KEY CHECK ("Id" = 1), "Sequence" bigint NOT NULL);
                INSERT INTO audit_head VALUES (1, 0);

                CREATE FUNCTION tagwatch_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'insufficient_privilege';
                END $$;

                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                    FOR EACH ROW EXECUTE FUNCTION tagwatch_refuse('audit_log is append-only');
                CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION tagwatch_refuse('audit_log is append-only');
                CREATE FUNCTION tagwatch_audit_delete_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD."Sequence" > (SELECT "Sequence" FROM audit_chain_base WHERE "Id" = 1) THEN
                        RAISE EXCEPTION 'audit_log is append-only: only records the chain''s base has passed may be deleted' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    RETURN OLD;
                END $$;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                    FOR EACH ROW EXECUTE FUNCTION tagwatch_audit_delete_guard();
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER audit_chain_base_no_insert BEFORE INSERT ON audit_chain_base
                    FOR EACH ROW EXECUTE FUNCTION tagwatch_refuse('audit_chain_base has exactly one row');
                CREATE TRIGGER audit_chain_base_no_delete BEFORE DELETE ON audit_chain_base
                    FOR EACH ROW EXECUTE FUNCTION tagwatch_refuse('audit_chain_base has exactly one row');
                CREATE TRIGGER audit_chain_base_no_truncate BEFORE TRUNCATE ON audit_chain_base
                    FOR EACH STATEMENT EXECUTE FUNCTION tagwatch_refuse('audit_chain_base has exactly one row');

                -- A move must: go forward, to a record still in the log (sequence, hash and time as recorded), under a
                -- retention period no shorter than before, that record being older than the period at the time of the
                -- newest record — an audit.purge record naming the new base — not dated more than a day ahead of the
                -- database's own clock.
                CREATE FUNCTION tagwatch_audit_base_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NOT (
                        NEW."Id" = OLD."Id"
                        AND NEW."Sequence" > OLD."Sequence"
                        AND NEW."RetentionDays" >= OLD."RetentionDays" AND NEW."RetentionDays" >= 1
                        AND EXISTS (SELECT 1 FROM audit_log b
                            WHERE b."Sequence" = NEW."Sequence" AND b."Hash" = NEW."Hash" AND b."AtUnixMs" = NEW."AtUnixMs")
                        AND EXISTS (SELECT 1 FROM audit_log m
                            WHERE m."Sequence" = NEW."MovedBy"
                            AND m."Sequence" = (SELECT MAX("Sequence") FROM audit_log)
                            AND m."Action" = 'audit.purge'
                            AND m."SubjectId" = NEW."Sequence" || ':' || NEW."Hash"
                            AND NEW."AtUnixMs" <= m."AtUnixMs" - NEW."RetentionDays"::bigint * 86400000
                            AND m."AtUnixMs" <= (extract(epoch FROM now())::bigint + 86400) * 1000))
                    THEN
                        RAISE EXCEPTION 'audit_chain_base moves only by a retention purge: forward, to a record older than the audit retention period (which never shortens), named by the audit.purge record just appended' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER audit_chain_base_moves_by_retention BEFORE UPDATE ON audit_chain_base
                    FOR EACH ROW EXECUTE FUNCTION tagwatch_audit_base_guard();

                CREATE FUNCTION tagwatch_audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW."Sequence" < OLD."Sequence" THEN
                        RAISE EXCEPTION 'audit_head only moves forward' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head
                    FOR EACH ROW EXECUTE FUNCTION tagwatch_audit_head_guard();
                CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
                    FOR EACH ROW EXECUTE FUNCTION tagwatch_refuse('audit_head has exactly one row');
                CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
                    FOR EACH STATEMENT EXECUTE FUNCTION tagwatch_refuse('audit_head has exactly one row');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_log_no_update ON audit_log;
                DROP TRIGGER audit_log_no_truncate ON audit_log;
                DROP TRIGGER audit_log_no_delete ON audit_log;
                DROP TRIGGER audit_chain_base_no_insert ON audit_chain_base;
                DROP TRIGGER audit_chain_base_no_delete ON audit_chain_base;
                DROP TRIGGER audit_chain_base_no_truncate ON audit_chain_base;
                DROP TRIGGER audit_chain_base_moves_by_retention ON audit_chain_base;
                DROP TABLE audit_head;
                DROP FUNCTION tagwatch_audit_head_guard();
                DROP FUNCTION tagwatch_audit_base_guard();
                DROP FUNCTION tagwatch_audit_delete_guard();
                DROP FUNCTION tagwatch_refuse();
                DELETE FROM audit_chain_base;
                """);
        }
    }
}
