using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveIngest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "device_contacts",
                columns: table => new
                {
                    TagKey = table.Column<int>(type: "INTEGER", nullable: false),
                    LastContactUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LastFixUnixMs = table.Column<long>(type: "INTEGER", nullable: true),
                    BatteryPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    Charging = table.Column<bool>(type: "INTEGER", nullable: true),
                    Protocol = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_contacts", x => x.TagKey);
                });

            migrationBuilder.CreateTable(
                name: "device_credentials",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TagKey = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedUnixMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_credentials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "device_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TagKey = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "raw_frames",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TagKey = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Protocol = table.Column<string>(type: "TEXT", nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_raw_frames", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "refused_devices",
                columns: table => new
                {
                    DeviceId = table.Column<string>(type: "TEXT", nullable: false),
                    Protocol = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeenUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Messages = table.Column<long>(type: "INTEGER", nullable: false),
                    LastRemote = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_refused_devices", x => x.DeviceId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_device_credentials_SecretHash",
                table: "device_credentials",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_device_credentials_TagKey",
                table: "device_credentials",
                column: "TagKey");

            migrationBuilder.CreateIndex(
                name: "IX_device_events_TagKey_TimeUnixMs",
                table: "device_events",
                columns: new[] { "TagKey", "TimeUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_raw_frames_ReceivedUnixMs",
                table: "raw_frames",
                column: "ReceivedUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_raw_frames_TagKey_ReceivedUnixMs",
                table: "raw_frames",
                columns: new[] { "TagKey", "ReceivedUnixMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "device_contacts");

            migrationBuilder.DropTable(
                name: "device_credentials");

            migrationBuilder.DropTable(
                name: "device_events");

            migrationBuilder.DropTable(
                name: "raw_frames");

            migrationBuilder.DropTable(
                name: "refused_devices");
        }
    }
}
