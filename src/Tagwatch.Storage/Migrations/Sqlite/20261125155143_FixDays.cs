using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FixDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fix_days",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fix_days", x => x.Day);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fix_chunks_Day",
                table: "fix_chunks",
                column: "Day");

            // Every change to a day's chunks gives the day a new random version, in the writer's own transaction.
            migrationBuilder.Sql("INSERT INTO fix_days (Day, Version) SELECT Day, random() FROM (SELECT DISTINCT Day FROM fix_chunks);");
            migrationBuilder.Sql("""
                CREATE TRIGGER fix_chunks_day_inserted AFTER INSERT ON fix_chunks
                BEGIN INSERT OR REPLACE INTO fix_days (Day, Version) VALUES (NEW.Day, random()); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER fix_chunks_day_updated AFTER UPDATE ON fix_chunks
                BEGIN
                    INSERT OR REPLACE INTO fix_days (Day, Version) VALUES (NEW.Day, random());
                    INSERT OR REPLACE INTO fix_days (Day, Version) VALUES (OLD.Day, random());
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER fix_chunks_day_deleted AFTER DELETE ON fix_chunks
                BEGIN INSERT OR REPLACE INTO fix_days (Day, Version) VALUES (OLD.Day, random()); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER fix_chunks_day_inserted;");
            migrationBuilder.Sql("DROP TRIGGER fix_chunks_day_updated;");
            migrationBuilder.Sql("DROP TRIGGER fix_chunks_day_deleted;");
            migrationBuilder.DropTable(
                name: "fix_days");

            migrationBuilder.DropIndex(
                name: "IX_fix_chunks_Day",
                table: "fix_chunks");
        }
    }
}
