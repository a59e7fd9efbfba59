using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RawFrameBlocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "raw_frame_blocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TagKey = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstReceivedUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LastReceivedUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_raw_frame_blocks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_raw_frame_blocks_LastReceivedUnixMs",
                table: "raw_frame_blocks",
                column: "LastReceivedUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_raw_frame_blocks_TagKey_Day",
                table: "raw_frame_blocks",
                columns: new[] { "TagKey", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "raw_frame_blocks");
        }
    }
}
