using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Postgres.Migrations
{
    /// <summary>
    /// The role server nodes run under, <c>tagwatch_app</c>: it reads and writes the scheme's data but owns nothing,
    /// cannot change the schema, and may not UPDATE, DELETE or TRUNCATE audit records — the audit log's retention purge
    /// and the creation and dropping of month partitions of the fix store go through functions that run with the
    /// owner's rights (SECURITY DEFINER) and do only that. The role is made without LOGIN when the migrating account
    /// may create roles (the administrator grants it to each node's login: <c>GRANT tagwatch_app TO tagwatch_node</c>);
    /// otherwise the grants are left for the administrator, as docs/deployment.md says.
    /// </summary>
    public partial class ApplicationRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- The audit purge: moves the chain's base (its guard checks the move) and deletes the records it passed
                -- (their guard refuses any the base has not passed). Returns how many records went.
                CREATE FUNCTION tagwatch_audit_purge(base_sequence bigint, base_hash text, base_at bigint, retention_days integer, moved_by bigint)
                RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER AS $$
                DECLARE
                    removed bigint;
                BEGIN
                    UPDATE audit_chain_base SET "Sequence" = base_sequence, "Hash" = base_hash, "AtUnixMs" = base_at,
                        "RetentionDays" = retention_days, "MovedBy" = moved_by WHERE "Id" = 1;
                    DELETE FROM audit_log WHERE "Sequence" <= base_sequence;
                    GET DIAGNOSTICS removed = ROW_COUNT;
                    RETURN removed;
                END $$;

                -- Retention of trails by whole months: drops each month partition of fix_chunks that lies wholly before
                -- BEFORE_DAY and holds no chunk of a tag in HELD (legal holds), and gives the dropped days new versions
                -- so every node deletes its day grids of them. Returns the chunks dropped; the caller deletes what is left
                -- row by row.
                CREATE FUNCTION tagwatch_drop_fix_partitions(before_day integer, held integer[])
                RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER AS $$
                DECLARE
                    part record;
                    chunks bigint;
                    dropped bigint := 0;
                BEGIN
                    FOR part IN
                        SELECT c.oid::regclass AS name,
                            (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \(''?(-?\d+)''?\) TO \(''?(-?\d+)''?\)'))[1]::integer AS first_day,
                            (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \(''?(-?\d+)''?\) TO \(''?(-?\d+)''?\)'))[2]::integer AS end_day
                        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = 'fix_chunks'::regclass
                    LOOP
                        CONTINUE WHEN part.end_day IS NULL OR part.end_day > before_day;
                        CONTINUE WHEN EXISTS (SELECT 1 FROM fix_chunks f WHERE f."Day" >= part.first_day AND f."Day" < part.end_day AND f."TagKey" = ANY (held));
                        EXECUTE format('SELECT count(*) FROM %s', part.name) INTO chunks;
                        EXECUTE format('DROP TABLE %s', part.name);
                        UPDATE fix_days SET "Version" = (random() * 4e18)::bigint WHERE "Day" >= part.first_day AND "Day" < part.end_day;
                        dropped := dropped + chunks;
                    END LOOP;
                    RETURN dropped;
                END $$;

                -- Month partitions are made on first write by the nodes, which cannot create tables themselves.
                ALTER FUNCTION tagwatch_fix_partition(integer) SECURITY DEFINER;
                """);

            migrationBuilder.Sql("""
                DO $$
                DECLARE
                    schema_name text := current_schema();
                BEGIN
                    -- A search path fixed on the owner-rights functions, so a caller's own objects are never called by them.
                    EXECUTE format('ALTER FUNCTION tagwatch_audit_purge(bigint, text, bigint, integer, bigint) SET search_path = %I, pg_temp', schema_name);
                    EXECUTE format('ALTER FUNCTION tagwatch_drop_fix_partitions(integer, integer[]) SET search_path = %I, pg_temp', schema_name);
                    EXECUTE format('ALTER FUNCTION tagwatch_fix_partition(integer) SET search_path = %I, pg_temp', schema_name);
                    REVOKE ALL ON FUNCTION tagwatch_audit_purge(bigint, text, bigint, integer, bigint) FROM PUBLIC;
                    REVOKE ALL ON FUNCTION tagwatch_drop_fix_partitions(integer, integer[]) FROM PUBLIC;
                    REVOKE ALL ON FUNCTION tagwatch_fix_partition(integer) FROM PUBLIC;

                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tagwatch_app') THEN
                        IF NOT (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                            RAISE NOTICE 'role tagwatch_app not created: % may not create roles (see docs/deployment.md)', current_user;
                            RETURN;
                        END IF;

                        BEGIN
                            CREATE ROLE tagwatch_app NOLOGIN;
                        EXCEPTION WHEN duplicate_object OR unique_violation THEN
                            NULL; -- another database of the same server made it at the same moment
                        END;
                    END IF;

                    EXECUTE format('GRANT USAGE ON SCHEMA %I TO tagwatch_app', schema_name);
                    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO tagwatch_app', schema_name);
                    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO tagwatch_app', schema_name);
                    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO tagwatch_app', current_database());
                    -- Tables a later migration makes are the scheme's data too; the audit tables below are the exception.
                    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tagwatch_app', schema_name);
                    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO tagwatch_app', schema_name);

                    REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM tagwatch_app;
                    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_base FROM tagwatch_app;
                    REVOKE DELETE, TRUNCATE ON audit_head FROM tagwatch_app;
                    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "__EFMigrationsHistory" FROM tagwatch_app;
                    GRANT EXECUTE ON FUNCTION tagwatch_audit_purge(bigint, text, bigint, integer, bigint) TO tagwatch_app;
                    GRANT EXECUTE ON FUNCTION tagwatch_drop_fix_partitions(integer, integer[]) TO tagwatch_app;
                    GRANT EXECUTE ON FUNCTION tagwatch_fix_partition(integer) TO tagwatch_app;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tagwatch_app') THEN
                        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM tagwatch_app', current_schema());
                        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM tagwatch_app', current_schema());
                        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM tagwatch_app', current_schema());
                        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM tagwatch_app', current_schema());
                        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM tagwatch_app', current_schema());
                        EXECUTE format('REVOKE ALL ON DATABASE %I FROM tagwatch_app', current_database());
                    END IF;
                END $$;
                ALTER FUNCTION tagwatch_fix_partition(integer) SECURITY INVOKER;
                ALTER FUNCTION tagwatch_fix_partition(integer) RESET search_path;
                GRANT EXECUTE ON FUNCTION tagwatch_fix_partition(integer) TO PUBLIC;
                DROP FUNCTION tagwatch_drop_fix_partitions(integer, integer[]);
                DROP FUNCTION tagwatch_audit_purge(bigint, text, bigint, integer, bigint);
                """);
        }
    }
}
