using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PendingMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monitoring_pending",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Tag = table.Column<string>(type: "TEXT", nullable: false),
                    FromUnixMs = table.Column<long>(type: "INTEGER", nullable: true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: true),
                    QueuedUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_pending", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_pending_QueuedUnixMs",
                table: "monitoring_pending",
                column: "QueuedUnixMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitoring_pending");
        }
    }
}
