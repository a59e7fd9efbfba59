using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    Severity = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", nullable: false),
                    OffenderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConditionId = table.Column<long>(type: "INTEGER", nullable: true),
                    StartUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    EndUnixMs = table.Column<long>(type: "INTEGER", nullable: true),
                    RaisedUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    Repeats = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "condition_suspensions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConditionId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ToUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_condition_suspensions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conditions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OffenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", nullable: false),
                    BufferMetres = table.Column<double>(type: "REAL", nullable: false),
                    Schedule = table.Column<string>(type: "TEXT", nullable: false),
                    GraceSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    Rules = table.Column<string>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    EndedUnixMs = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conditions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_history_AlertId",
                table: "alert_history",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_ConditionId_StartUnixMs",
                table: "alerts",
                columns: new[] { "ConditionId", "StartUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_DeviceId_Type_EndUnixMs",
                table: "alerts",
                columns: new[] { "DeviceId", "Type", "EndUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_State_RaisedUnixMs",
                table: "alerts",
                columns: new[] { "State", "RaisedUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_condition_suspensions_ConditionId",
                table: "condition_suspensions",
                column: "ConditionId");

            migrationBuilder.CreateIndex(
                name: "IX_conditions_OffenderId_EndedUnixMs",
                table: "conditions",
                columns: new[] { "OffenderId", "EndedUnixMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_history");

            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropTable(
                name: "condition_suspensions");

            migrationBuilder.DropTable(
                name: "conditions");
        }
    }
}
