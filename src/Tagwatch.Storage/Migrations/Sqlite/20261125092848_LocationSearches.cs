using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LocationSearches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "location_searches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    RadiusMetres = table.Column<double>(type: "REAL", nullable: false),
                    FromUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ToUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Results = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_location_searches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_location_searches_AtUnixMs",
                table: "location_searches",
                column: "AtUnixMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "location_searches");
        }
    }
}
