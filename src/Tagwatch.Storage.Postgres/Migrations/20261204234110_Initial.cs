using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tagwatch.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AlertId = table.Column<long>(type: "bigint", nullable: false),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    By = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "text", nullable: false),
                    Severity = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    DeviceId = table.Column<string>(type: "text", nullable: false),
                    OffenderId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConditionId = table.Column<long>(type: "bigint", nullable: true),
                    StartUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    EndUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    RaisedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    Repeats = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    SecretHash = table.Column<string>(type: "text", nullable: false),
                    CreatedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    RevokedUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    LastUsedUnixMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_tokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "area_crimes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CrimeId = table.Column<string>(type: "text", nullable: true),
                    Month = table.Column<string>(type: "text", nullable: false),
                    ReportedBy = table.Column<string>(type: "text", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Location = table.Column<string>(type: "text", nullable: false),
                    LsoaCode = table.Column<string>(type: "text", nullable: false),
                    LsoaName = table.Column<string>(type: "text", nullable: false),
                    CrimeType = table.Column<string>(type: "text", nullable: false),
                    LastOutcome = table.Column<string>(type: "text", nullable: false),
                    BoroughCode = table.Column<string>(type: "text", nullable: true),
                    ContentHash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_area_crimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_chain_base",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "text", nullable: false),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    RetentionDays = table.Column<int>(type: "integer", nullable: false),
                    MovedBy = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_chain_base", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    ActorRole = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    SubjectType = table.Column<string>(type: "text", nullable: false),
                    SubjectId = table.Column<string>(type: "text", nullable: true),
                    Data = table.Column<string>(type: "text", nullable: false),
                    Purpose = table.Column<string>(type: "text", nullable: true),
                    DisclosedTo = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Sequence);
                },
                comment: "append-only");

            migrationBuilder.CreateTable(
                name: "caseload_subscriptions",
                columns: table => new
                {
                    Username = table.Column<string>(type: "text", nullable: false),
                    Email = table.Column<string>(type: "text", nullable: false),
                    SinceUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_caseload_subscriptions", x => x.Username);
                });

            migrationBuilder.CreateTable(
                name: "caseloads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    OffenderReference = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_caseloads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "condition_suspensions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConditionId = table.Column<long>(type: "bigint", nullable: false),
                    FromUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    ToUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    By = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_condition_suspensions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conditions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OffenderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Area = table.Column<string>(type: "text", nullable: false),
                    BufferMetres = table.Column<double>(type: "double precision", nullable: false),
                    Schedule = table.Column<string>(type: "text", nullable: false),
                    GraceSeconds = table.Column<long>(type: "bigint", nullable: false),
                    Rules = table.Column<string>(type: "text", nullable: false),
                    Label = table.Column<string>(type: "text", nullable: false),
                    CreatedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    StartsUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    EndedUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    EndedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conditions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "correlation_pending",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QueuedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Cause = table.Column<string>(type: "text", nullable: false),
                    FromUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    ToUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    Force = table.Column<string>(type: "text", nullable: true),
                    Reference = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_correlation_pending", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "correlation_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<string>(type: "text", nullable: false),
                    Trigger = table.Column<string>(type: "text", nullable: false),
                    RequestedBy = table.Column<string>(type: "text", nullable: false),
                    AlgorithmVersion = table.Column<string>(type: "text", nullable: false),
                    ParametersJson = table.Column<string>(type: "text", nullable: false),
                    DataFromUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    DataToUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Crimes = table.Column<int>(type: "integer", nullable: false),
                    Subjects = table.Column<int>(type: "integer", nullable: false),
                    Matches = table.Column<int>(type: "integer", nullable: false),
                    Significant = table.Column<int>(type: "integer", nullable: false),
                    StartedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    FinishedUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<string>(type: "text", nullable: false, defaultValue: "finished")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_correlation_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "crimes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Force = table.Column<string>(type: "text", nullable: false),
                    Reference = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    Category = table.Column<string>(type: "text", nullable: false),
                    CategoryCode = table.Column<string>(type: "text", nullable: false),
                    CommittedFromUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    CommittedToUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    Easting = table.Column<double>(type: "double precision", nullable: false),
                    Northing = table.Column<double>(type: "double precision", nullable: false),
                    ReceivedAsGrid = table.Column<bool>(type: "boolean", nullable: false),
                    LocationPrecisionMetres = table.Column<double>(type: "double precision", nullable: false),
                    BoroughCode = table.Column<string>(type: "text", nullable: true),
                    BatchId = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    ImportedUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "device_contacts",
                columns: table => new
                {
                    TagKey = table.Column<int>(type: "integer", nullable: false),
                    LastContactUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    LastFixUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    BatteryPercent = table.Column<int>(type: "integer", nullable: true),
                    Charging = table.Column<bool>(type: "boolean", nullable: true),
                    Protocol = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_contacts", x => x.TagKey);
                });

            migrationBuilder.CreateTable(
                name: "device_credentials",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TagKey = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    SecretHash = table.Column<string>(type: "text", nullable: false),
                    CreatedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    RevokedUnixMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_credentials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "device_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TagKey = table.Column<int>(type: "integer", nullable: false),
                    TimeUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fix_chunks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TagKey = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    StartUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    EndUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    MinLatitudeE7 = table.Column<int>(type: "integer", nullable: false),
                    MaxLatitudeE7 = table.Column<int>(type: "integer", nullable: false),
                    MinLongitudeE7 = table.Column<int>(type: "integer", nullable: false),
                    MaxLongitudeE7 = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fix_chunks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fix_days",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fix_days", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "legal_holds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OffenderReference = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    PlacedBy = table.Column<string>(type: "text", nullable: false),
                    PlacedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    LiftedUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    LiftedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_holds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "location_searches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    RequestedBy = table.Column<string>(type: "text", nullable: false),
                    Purpose = table.Column<string>(type: "text", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    RadiusMetres = table.Column<double>(type: "double precision", nullable: false),
                    FromUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    ToUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Results = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_location_searches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "match_amendments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatchId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Found = table.Column<bool>(type: "boolean", nullable: false),
                    CrimeVersion = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: true),
                    Significant = table.Column<bool>(type: "boolean", nullable: false),
                    MinDistanceMetres = table.Column<double>(type: "double precision", nullable: true),
                    ClosestTimeUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    MarginMetres = table.Column<double>(type: "double precision", nullable: true),
                    DwellSeconds = table.Column<double>(type: "double precision", nullable: true),
                    GapSeconds = table.Column<double>(type: "double precision", nullable: true),
                    HabitualPlace = table.Column<string>(type: "text", nullable: true),
                    FactorsJson = table.Column<string>(type: "text", nullable: true),
                    EvidenceJson = table.Column<string>(type: "text", nullable: true),
                    GapsJson = table.Column<string>(type: "text", nullable: true),
                    ContentHash = table.Column<string>(type: "text", nullable: true),
                    SupplementUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    SupplementActor = table.Column<string>(type: "text", nullable: true),
                    SupplementActorRole = table.Column<string>(type: "text", nullable: true),
                    SupplementReason = table.Column<string>(type: "text", nullable: true),
                    SupplementDisclosedTo = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_match_amendments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "match_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatchId = table.Column<long>(type: "bigint", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    SnapshotJson = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    ReplacedUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_match_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "match_reviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatchId = table.Column<long>(type: "bigint", nullable: false),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    ActorRole = table.Column<string>(type: "text", nullable: false),
                    FromState = table.Column<string>(type: "text", nullable: false),
                    ToState = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    DisclosedTo = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_match_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "matches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Force = table.Column<string>(type: "text", nullable: false),
                    CrimeReference = table.Column<string>(type: "text", nullable: false),
                    CrimeVersion = table.Column<int>(type: "integer", nullable: false),
                    DeviceId = table.Column<string>(type: "text", nullable: false),
                    OffenderReference = table.Column<string>(type: "text", nullable: true),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Significant = table.Column<bool>(type: "boolean", nullable: false),
                    MinDistanceMetres = table.Column<double>(type: "double precision", nullable: false),
                    ClosestTimeUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    MarginMetres = table.Column<double>(type: "double precision", nullable: false),
                    DwellSeconds = table.Column<double>(type: "double precision", nullable: false),
                    GapSeconds = table.Column<double>(type: "double precision", nullable: false),
                    HabitualPlace = table.Column<string>(type: "text", nullable: true),
                    FactorsJson = table.Column<string>(type: "text", nullable: false),
                    EvidenceJson = table.Column<string>(type: "text", nullable: false),
                    GapsJson = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: true),
                    ContentHash = table.Column<string>(type: "text", nullable: false),
                    UpdatedUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AlertId = table.Column<long>(type: "bigint", nullable: false),
                    Stage = table.Column<string>(type: "text", nullable: false),
                    Recipient = table.Column<string>(type: "text", nullable: false),
                    RecipientUser = table.Column<string>(type: "text", nullable: true),
                    AlertType = table.Column<string>(type: "text", nullable: false),
                    Severity = table.Column<string>(type: "text", nullable: false),
                    AlertRaisedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    OffenderReference = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    RecordedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    LastAttemptUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offenders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "text", nullable: false),
                    IndexOffences = table.Column<string>(type: "text", nullable: false),
                    RiskTier = table.Column<string>(type: "text", nullable: false),
                    HomeBoroughCode = table.Column<string>(type: "text", nullable: false),
                    HomeLatitude = table.Column<double>(type: "double precision", nullable: false),
                    HomeLongitude = table.Column<double>(type: "double precision", nullable: false),
                    LicenceStart = table.Column<string>(type: "text", nullable: false),
                    LicenceEnd = table.Column<string>(type: "text", nullable: false),
                    MonitoringStart = table.Column<string>(type: "text", nullable: false),
                    MonitoringEnd = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    EndReason = table.Column<string>(type: "text", nullable: true),
                    EnrolledUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offenders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "personal_details",
                columns: table => new
                {
                    OffenderId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenName = table.Column<string>(type: "text", nullable: false),
                    FamilyName = table.Column<string>(type: "text", nullable: false),
                    DateOfBirth = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_details", x => x.OffenderId);
                });

            migrationBuilder.CreateTable(
                name: "raw_frame_blocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TagKey = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    FirstReceivedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    LastReceivedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_raw_frame_blocks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "raw_frames",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TagKey = table.Column<int>(type: "integer", nullable: false),
                    ReceivedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Protocol = table.Column<string>(type: "text", nullable: false),
                    Payload = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_raw_frames", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "refused_devices",
                columns: table => new
                {
                    DeviceId = table.Column<string>(type: "text", nullable: false),
                    Protocol = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false, defaultValue: "unregistered"),
                    Source = table.Column<string>(type: "text", nullable: false, defaultValue: ""),
                    FirstSeenUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    LastSeenUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Messages = table.Column<long>(type: "bigint", nullable: false),
                    LastRemote = table.Column<string>(type: "text", nullable: true),
                    Detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_refused_devices", x => new { x.DeviceId, x.Protocol, x.Reason, x.Source });
                });

            migrationBuilder.CreateTable(
                name: "risk_tier_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OffenderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tier = table.Column<string>(type: "text", nullable: false),
                    EffectiveFrom = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    RecordedUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risk_tier_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheme",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    BoroughCodes = table.Column<string>(type: "text", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<string>(type: "text", nullable: false),
                    LengthMonths = table.Column<int>(type: "integer", nullable: false),
                    MaxMonitoringMonths = table.Column<int>(type: "integer", nullable: false),
                    EligibleOffences = table.Column<string>(type: "text", nullable: false),
                    CorrelationMinimumTier = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheme", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tag_assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TagKey = table.Column<int>(type: "integer", nullable: false),
                    OffenderId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    ToUnixMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tag_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    Key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Protocol = table.Column<string>(type: "text", nullable: false),
                    Model = table.Column<string>(type: "text", nullable: true),
                    CreatedUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tags", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "text", nullable: false),
                    Boroughs = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: true),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_user_claims_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_user_logins_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_user_tokens_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_api_tokens_SecretHash",
                table: "api_tokens",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_UserId",
                table: "api_tokens",
                column: "UserId");

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
                name: "IX_audit_log_Actor_AtUnixMs",
                table: "audit_log",
                columns: new[] { "Actor", "AtUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_AtUnixMs",
                table: "audit_log",
                column: "AtUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_SubjectId_AtUnixMs",
                table: "audit_log",
                columns: new[] { "SubjectId", "AtUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_caseloads_OffenderReference",
                table: "caseloads",
                column: "OffenderReference");

            migrationBuilder.CreateIndex(
                name: "IX_caseloads_UserId_OffenderReference",
                table: "caseloads",
                columns: new[] { "UserId", "OffenderReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_condition_suspensions_ConditionId",
                table: "condition_suspensions",
                column: "ConditionId");

            migrationBuilder.CreateIndex(
                name: "IX_conditions_OffenderId_EndedUnixMs",
                table: "conditions",
                columns: new[] { "OffenderId", "EndedUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_correlation_runs_StartedUnixMs",
                table: "correlation_runs",
                column: "StartedUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_correlation_runs_Status",
                table: "correlation_runs",
                column: "Status");

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
                name: "IX_fix_chunks_Day",
                table: "fix_chunks",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_fix_chunks_TagKey_Day",
                table: "fix_chunks",
                columns: new[] { "TagKey", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_legal_holds_OffenderReference_LiftedUnixMs",
                table: "legal_holds",
                columns: new[] { "OffenderReference", "LiftedUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_location_searches_AtUnixMs",
                table: "location_searches",
                column: "AtUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_match_amendments_MatchId_Number",
                table: "match_amendments",
                columns: new[] { "MatchId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_match_history_MatchId",
                table: "match_history",
                column: "MatchId");

            migrationBuilder.CreateIndex(
                name: "IX_match_reviews_MatchId",
                table: "match_reviews",
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

            migrationBuilder.CreateIndex(
                name: "IX_notifications_AlertId_Stage_Recipient",
                table: "notifications",
                columns: new[] { "AlertId", "Stage", "Recipient" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_RecordedUnixMs",
                table: "notifications",
                column: "RecordedUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_offenders_Reference",
                table: "offenders",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_raw_frame_blocks_LastReceivedUnixMs",
                table: "raw_frame_blocks",
                column: "LastReceivedUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_raw_frame_blocks_TagKey_Day",
                table: "raw_frame_blocks",
                columns: new[] { "TagKey", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_raw_frames_ReceivedUnixMs",
                table: "raw_frames",
                column: "ReceivedUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_raw_frames_TagKey_ReceivedUnixMs",
                table: "raw_frames",
                columns: new[] { "TagKey", "ReceivedUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_refused_devices_LastSeenUnixMs",
                table: "refused_devices",
                column: "LastSeenUnixMs");

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

            migrationBuilder.CreateIndex(
                name: "IX_user_claims_UserId",
                table: "user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_user_logins_UserId",
                table: "user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "NormalizedUserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_history");

            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "area_crimes");

            migrationBuilder.DropTable(
                name: "audit_chain_base");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "caseload_subscriptions");

            migrationBuilder.DropTable(
                name: "caseloads");

            migrationBuilder.DropTable(
                name: "condition_suspensions");

            migrationBuilder.DropTable(
                name: "conditions");

            migrationBuilder.DropTable(
                name: "correlation_pending");

            migrationBuilder.DropTable(
                name: "correlation_runs");

            migrationBuilder.DropTable(
                name: "crimes");

            migrationBuilder.DropTable(
                name: "device_contacts");

            migrationBuilder.DropTable(
                name: "device_credentials");

            migrationBuilder.DropTable(
                name: "device_events");

            migrationBuilder.DropTable(
                name: "fix_chunks");

            migrationBuilder.DropTable(
                name: "fix_days");

            migrationBuilder.DropTable(
                name: "legal_holds");

            migrationBuilder.DropTable(
                name: "location_searches");

            migrationBuilder.DropTable(
                name: "match_amendments");

            migrationBuilder.DropTable(
                name: "match_history");

            migrationBuilder.DropTable(
                name: "match_reviews");

            migrationBuilder.DropTable(
                name: "matches");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "offenders");

            migrationBuilder.DropTable(
                name: "personal_details");

            migrationBuilder.DropTable(
                name: "raw_frame_blocks");

            migrationBuilder.DropTable(
                name: "raw_frames");

            migrationBuilder.DropTable(
                name: "refused_devices");

            migrationBuilder.DropTable(
                name: "risk_tier_changes");

            migrationBuilder.DropTable(
                name: "scheme");

            migrationBuilder.DropTable(
                name: "tag_assignments");

            migrationBuilder.DropTable(
                name: "tags");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
