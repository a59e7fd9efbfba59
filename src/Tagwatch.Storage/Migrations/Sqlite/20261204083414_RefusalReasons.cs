using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RefusalReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_refused_devices",
                table: "refused_devices");

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "refused_devices",
                type: "TEXT",
                nullable: false,
                defaultValue: "unregistered");

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "refused_devices",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "refused_devices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_refused_devices",
                table: "refused_devices",
                columns: new[] { "DeviceId", "Protocol", "Reason", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_refused_devices_LastSeenUnixMs",
                table: "refused_devices",
                column: "LastSeenUnixMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_refused_devices",
                table: "refused_devices");

            migrationBuilder.DropIndex(
                name: "IX_refused_devices_LastSeenUnixMs",
                table: "refused_devices");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "refused_devices");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "refused_devices");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "refused_devices");

            migrationBuilder.AddPrimaryKey(
                name: "PK_refused_devices",
                table: "refused_devices",
                column: "DeviceId");
        }
    }
}
