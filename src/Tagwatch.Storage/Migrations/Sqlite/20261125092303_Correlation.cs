using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Correlation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "correlation_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", nullable: false),
                    AlgorithmVersion = table.Column<string>(type: "TEXT", nullable: false),
                    ParametersJson = table.Column<string>(type: "TEXT", nullable: false),
                    DataFromUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    DataToUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Crimes = table.Column<int>(type: "INTEGER", nullable: false),
                    Subjects = table.Column<int>(type: "INTEGER", nullable: false),
                    Matches = table.Column<int>(type: "INTEGER", nullable: false),
                    Significant = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedUnixMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_correlation_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "match_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MatchId = table.Column<long>(type: "INTEGER", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    ReplacedUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_match_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "matches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Force = table.Column<string>(type: "TEXT", nullable: false),
                    CrimeReference = table.Column<string>(type: "TEXT", nullable: false),
                    CrimeVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", nullable: false),
                    OffenderReference = table.Column<string>(type: "TEXT", nullable: true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Significant = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinDistanceMetres = table.Column<double>(type: "REAL", nullable: false),
                    ClosestTimeUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    MarginMetres = table.Column<double>(type: "REAL", nullable: false),
                    DwellSeconds = table.Column<double>(type: "REAL", nullable: false),
                    GapSeconds = table.Column<double>(type: "REAL", nullable: false),
                    HabitualPlace = table.Column<string>(type: "TEXT", nullable: true),
                    FactorsJson = table.Column<string>(type: "TEXT", nullable: false),
                    EvidenceJson = table.Column<string>(type: "TEXT", nullable: false),
                    GapsJson = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_correlation_runs_StartedUnixMs",
                table: "correlation_runs",
                column: "StartedUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_match_history_MatchId",
                table: "match_history",
                column: "MatchId");

            migrationBuilder.CreateIndex(
                name: "IX_matches_Force_CrimeReference_DeviceId",
                table: "matches",
                columns: new[] { "Force", "CrimeReference", "DeviceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_matches_State_Significant",
                table: "matches",
                columns: new[] { "State", "Significant" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correlation_runs");

            migrationBuilder.DropTable(
                name: "match_history");

            migrationBuilder.DropTable(
                name: "matches");
        }
    }
}
