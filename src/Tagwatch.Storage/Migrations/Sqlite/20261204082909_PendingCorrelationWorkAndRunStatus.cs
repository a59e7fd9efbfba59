using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PendingCorrelationWorkAndRunStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "correlation_runs",
                type: "TEXT",
                nullable: false,
                defaultValue: "finished");

            // Runs left unfinished before this version are running as far as anyone knows: the next server start marks
            // them interrupted.
            migrationBuilder.Sql("UPDATE correlation_runs SET Status = 'running' WHERE FinishedUnixMs IS NULL");

            migrationBuilder.CreateTable(
                name: "correlation_pending",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QueuedUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", nullable: false),
                    FromUnixMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ToUnixMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Force = table.Column<string>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_correlation_pending", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_correlation_runs_Status",
                table: "correlation_runs",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correlation_pending");

            migrationBuilder.DropIndex(
                name: "IX_correlation_runs_Status",
                table: "correlation_runs");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "correlation_runs");
        }
    }
}
