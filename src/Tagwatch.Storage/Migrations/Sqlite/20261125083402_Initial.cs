using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tagwatch.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "area_crimes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CrimeId = table.Column<string>(type: "TEXT", nullable: true),
                    Month = table.Column<string>(type: "TEXT", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Location = table.Column<string>(type: "TEXT", nullable: false),
                    LsoaCode = table.Column<string>(type: "TEXT", nullable: false),
                    LsoaName = table.Column<string>(type: "TEXT", nullable: false),
                    CrimeType = table.Column<string>(type: "TEXT", nullable: false),
                    LastOutcome = table.Column<string>(type: "TEXT", nullable: false),
                    BoroughCode = table.Column<string>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_area_crimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crimes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Force = table.Column<string>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", nullable: false),
                    CommittedFromUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    CommittedToUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Easting = table.Column<double>(type: "REAL", nullable: false),
                    Northing = table.Column<double>(type: "REAL", nullable: false),
                    ReceivedAsGrid = table.Column<bool>(type: "INTEGER", nullable: false),
                    LocationPrecisionMetres = table.Column<double>(type: "REAL", nullable: false),
                    BoroughCode = table.Column<string>(type: "TEXT", nullable: true),
                    BatchId = table.Column<string>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fix_chunks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TagKey = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    EndUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    MinLatitudeE7 = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxLatitudeE7 = table.Column<int>(type: "INTEGER", nullable: false),
                    MinLongitudeE7 = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxLongitudeE7 = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fix_chunks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offenders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", nullable: false),
                    IndexOffences = table.Column<string>(type: "TEXT", nullable: false),
                    RiskTier = table.Column<string>(type: "TEXT", nullable: false),
                    HomeBoroughCode = table.Column<string>(type: "TEXT", nullable: false),
                    HomeLatitude = table.Column<double>(type: "REAL", nullable: false),
                    HomeLongitude = table.Column<double>(type: "REAL", nullable: false),
                    LicenceStart = table.Column<string>(type: "TEXT", nullable: false),
                    LicenceEnd = table.Column<string>(type: "TEXT", nullable: false),
                    MonitoringStart = table.Column<string>(type: "TEXT", nullable: false),
                    MonitoringEnd = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    EndReason = table.Column<string>(type: "TEXT", nullable: true),
                    EnrolledUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offenders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "personal_details",
                columns: table => new
                {
                    OffenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", nullable: false),
                    DateOfBirth = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_details", x => x.OffenderId);
                });

            migrationBuilder.CreateTable(
                name: "risk_tier_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OffenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risk_tier_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheme",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    BoroughCodes = table.Column<string>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<string>(type: "TEXT", nullable: false),
                    LengthMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxMonitoringMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    EligibleOffences = table.Column<string>(type: "TEXT", nullable: false),
                    CorrelationMinimumTier = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheme", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tag_assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TagKey = table.Column<int>(type: "INTEGER", nullable: false),
                    OffenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ToUnixMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tag_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    Key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Protocol = table.Column<string>(type: "TEXT", nullable: false),
                    Model = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tags", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_area_crimes_ContentHash",
                table: "area_crimes",
                column: "ContentHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_area_crimes_Month_BoroughCode",
                table: "area_crimes",
                columns: new[] { "Month", "BoroughCode" });

            migrationBuilder.CreateIndex(
                name: "IX_crimes_Force_Reference_Version",
                table: "crimes",
                columns: new[] { "Force", "Reference", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_crimes_IsCurrent_CommittedFromUnixMs",
                table: "crimes",
                columns: new[] { "IsCurrent", "CommittedFromUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_fix_chunks_TagKey_Day",
                table: "fix_chunks",
                columns: new[] { "TagKey", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offenders_Reference",
                table: "offenders",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_risk_tier_changes_OffenderId",
                table: "risk_tier_changes",
                column: "OffenderId");

            migrationBuilder.CreateIndex(
                name: "IX_tag_assignments_OffenderId",
                table: "tag_assignments",
                column: "OffenderId");

            migrationBuilder.CreateIndex(
                name: "IX_tag_assignments_TagKey_FromUnixMs",
                table: "tag_assignments",
                columns: new[] { "TagKey", "FromUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_tags_DeviceId",
                table: "tags",
                column: "DeviceId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "area_crimes");

            migrationBuilder.DropTable(
                name: "crimes");

            migrationBuilder.DropTable(
                name: "fix_chunks");

            migrationBuilder.DropTable(
                name: "offenders");

            migrationBuilder.DropTable(
                name: "personal_details");

            migrationBuilder.DropTable(
                name: "risk_tier_changes");

            migrationBuilder.DropTable(
                name: "scheme");

            migrationBuilder.DropTable(
                name: "tag_assignments");

            migrationBuilder.DropTable(
                name: "tags");
        }
    }
}
