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

            // Every change to a day's chunks gives the day a new random version, in the writer's own transaction. No
            // statement here may rely on conflict resolution: an outer upsert's would override it.
            migrationBuilder.Sql("INSERT INTO fix_days (Day, Version) SELECT Day, random() FROM (SELECT DISTINCT Day FROM fix_chunks);");
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
