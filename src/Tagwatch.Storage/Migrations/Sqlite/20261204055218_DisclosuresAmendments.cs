using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisclosuresAmendments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "match_amendments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MatchId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Found = table.Column<bool>(type: "INTEGER", nullable: false),
                    CrimeVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    Significant = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinDistanceMetres = table.Column<double>(type: "REAL", nullable: true),
                    ClosestTimeUnixMs = table.Column<long>(type: "INTEGER", nullable: true),
                    MarginMetres = table.Column<double>(type: "REAL", nullable: true),
                    DwellSeconds = table.Column<double>(type: "REAL", nullable: true),
                    GapSeconds = table.Column<double>(type: "REAL", nullable: true),
                    HabitualPlace = table.Column<string>(type: "TEXT", nullable: true),
                    FactorsJson = table.Column<string>(type: "TEXT", nullable: true),
                    EvidenceJson = table.Column<string>(type: "TEXT", nullable: true),
                    GapsJson = table.Column<string>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: true),
                    SupplementUnixMs = table.Column<long>(type: "INTEGER", nullable: true),
                    SupplementActor = table.Column<string>(type: "TEXT", nullable: true),
                    SupplementActorRole = table.Column<string>(type: "TEXT", nullable: true),
                    SupplementReason = table.Column<string>(type: "TEXT", nullable: true),
                    SupplementDisclosedTo = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_match_amendments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_match_amendments_MatchId_Number",
                table: "match_amendments",
                columns: new[] { "MatchId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "match_amendments");
        }
    }
}
