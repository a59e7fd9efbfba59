using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage;

/// <summary>The relational store: accounts, registry, offenders, crimes, scheme, and the fix chunks' table.</summary>
/// <remarks>One model serves both databases; each keeps its own migrations, so PostgreSQL's are bound to a subclass
/// (<c>PostgresTagwatchDbContext</c>) through the protected constructor.</remarks>
public class TagwatchDbContext : IdentityUserContext<UserRow>
{
    public TagwatchDbContext(DbContextOptions<TagwatchDbContext> options)
        : base(options)
    {
    }

    protected TagwatchDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Whether this context is on PostgreSQL (else the SQLite file).</summary>
    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The collation that orders text by its bytes, as .NET's ordinal comparison does: SQLite's own, or
    /// PostgreSQL's "C" (a PostgreSQL database's default follows its language's rules, which ignore case and punctuation
    /// at first, so the same list would come out in another order on each database).</summary>
    public string BytewiseCollation => IsPostgres ? "C" : "BINARY";

    public DbSet<TagRow> Tags => Set<TagRow>();

    public DbSet<TagAssignmentRow> TagAssignments => Set<TagAssignmentRow>();

    public DbSet<OffenderRow> Offenders => Set<OffenderRow>();

    public DbSet<PersonalDetailsRow> PersonalDetails => Set<PersonalDetailsRow>();

    public DbSet<RiskTierChangeRow> RiskTierChanges => Set<RiskTierChangeRow>();

    public DbSet<CrimeRow> Crimes => Set<CrimeRow>();

    public DbSet<AreaCrimeRow> AreaCrimes => Set<AreaCrimeRow>();

    public DbSet<SchemeRow> Scheme => Set<SchemeRow>();

    public DbSet<FixChunkRow> FixChunks => Set<FixChunkRow>();

    public DbSet<FixDayRow> FixDays => Set<FixDayRow>();

    public DbSet<RawFrameRow> RawFrames => Set<RawFrameRow>();

    public DbSet<RawFrameBlockRow> RawFrameBlocks => Set<RawFrameBlockRow>();

    public DbSet<DeviceEventRow> DeviceEvents => Set<DeviceEventRow>();

    public DbSet<DeviceContactRow> DeviceContacts => Set<DeviceContactRow>();

    public DbSet<RefusedDeviceRow> RefusedDevices => Set<RefusedDeviceRow>();

    public DbSet<DeviceCredentialRow> DeviceCredentials => Set<DeviceCredentialRow>();

    public DbSet<ConditionRow> Conditions => Set<ConditionRow>();

    public DbSet<ConditionSuspensionRow> ConditionSuspensions => Set<ConditionSuspensionRow>();

    public DbSet<AlertRow> Alerts => Set<AlertRow>();

    public DbSet<AlertHistoryRow> AlertHistory => Set<AlertHistoryRow>();

    public DbSet<CorrelationRunRow> CorrelationRuns => Set<CorrelationRunRow>();

    public DbSet<PendingCorrelationRow> PendingCorrelation => Set<PendingCorrelationRow>();

    public DbSet<PendingMonitoringRow> PendingMonitoring => Set<PendingMonitoringRow>();

    public DbSet<MatchRow> Matches => Set<MatchRow>();

    public DbSet<MatchHistoryRow> MatchHistory => Set<MatchHistoryRow>();

    public DbSet<MatchAmendmentRow> MatchAmendments => Set<MatchAmendmentRow>();

    public DbSet<LocationSearchRow> LocationSearches => Set<LocationSearchRow>();

    public DbSet<AuditRow> AuditLog => Set<AuditRow>();

    public DbSet<CaseloadRow> Caseloads => Set<CaseloadRow>();

    public DbSet<MatchReviewRow> MatchReviews => Set<MatchReviewRow>();

    public DbSet<LegalHoldRow> LegalHolds => Set<LegalHoldRow>();

    public DbSet<ApiTokenRow> ApiTokens => Set<ApiTokenRow>();

    public DbSet<AuditChainBaseRow> AuditChainBase => Set<AuditChainBaseRow>();

    public DbSet<NotificationRow> Notifications => Set<NotificationRow>();

    public DbSet<CaseloadSubscriptionRow> CaseloadSubscriptions => Set<CaseloadSubscriptionRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<UserRow>().ToTable("users");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<CaseloadRow>(e =>
        {
            e.ToTable("caseloads");
            e.HasIndex(c => new { c.UserId, c.OffenderReference }).IsUnique();
            e.HasIndex(c => c.OffenderReference);
        });
        builder.Entity<NotificationRow>(e =>
        {
            e.ToTable("notifications");
            e.HasIndex(n => new { n.AlertId, n.Stage, n.Recipient }).IsUnique();
            e.HasIndex(n => n.RecordedUnixMs);
        });
        builder.Entity<CaseloadSubscriptionRow>(e =>
        {
            e.ToTable("caseload_subscriptions");
            e.HasKey(s => s.Username);
        });
        builder.Entity<MatchReviewRow>(e =>
        {
            e.ToTable("match_reviews");
            e.HasIndex(r => r.MatchId);
        });
        builder.Entity<LegalHoldRow>(e =>
        {
            e.ToTable("legal_holds");
            e.HasIndex(h => new { h.OffenderReference, h.LiftedUnixMs });
        });
        builder.Entity<ApiTokenRow>(e =>
        {
            e.ToTable("api_tokens");
            e.HasIndex(t => t.SecretHash).IsUnique();
            e.HasIndex(t => t.UserId);
        });
        builder.Entity<TagRow>(e =>
        {
            e.ToTable("tags");
            e.HasKey(t => t.Key);
            e.HasIndex(t => t.DeviceId).IsUnique();
            e.Property(t => t.DeviceId).HasMaxLength(40);
        });
        builder.Entity<RawFrameRow>(e =>
        {
            e.ToTable("raw_frames");
            e.HasIndex(f => new { f.TagKey, f.ReceivedUnixMs });
            e.HasIndex(f => f.ReceivedUnixMs);
        });
        builder.Entity<RawFrameBlockRow>(e =>
        {
            e.ToTable("raw_frame_blocks");
            e.HasIndex(b => new { b.TagKey, b.Day });
            e.HasIndex(b => b.LastReceivedUnixMs);
        });
        builder.Entity<DeviceEventRow>(e =>
        {
            e.ToTable("device_events");
            e.HasIndex(d => new { d.TagKey, d.TimeUnixMs });
        });
        builder.Entity<DeviceContactRow>(e =>
        {
            e.ToTable("device_contacts");
            e.HasKey(d => d.TagKey);
            e.Property(d => d.TagKey).ValueGeneratedNever();
        });
        builder.Entity<RefusedDeviceRow>(e =>
        {
            e.ToTable("refused_devices");
            e.HasKey(d => new { d.DeviceId, d.Protocol, d.Reason, d.Source });
            e.Property(d => d.Reason).HasDefaultValue("unregistered");
            e.Property(d => d.Source).HasDefaultValue("");
            e.HasIndex(d => d.LastSeenUnixMs);
        });
        builder.Entity<DeviceCredentialRow>(e =>
        {
            e.ToTable("device_credentials");
            e.HasIndex(c => c.SecretHash).IsUnique();
            e.HasIndex(c => c.TagKey);
        });
        builder.Entity<ConditionRow>(e =>
        {
            e.ToTable("conditions");
            e.HasIndex(c => new { c.OffenderId, c.EndedUnixMs });
        });
        builder.Entity<ConditionSuspensionRow>(e =>
        {
            e.ToTable("condition_suspensions");
            e.HasIndex(s => s.ConditionId);
        });
        builder.Entity<AlertRow>(e =>
        {
            e.ToTable("alerts");
            e.HasIndex(a => new { a.ConditionId, a.StartUnixMs });
            e.HasIndex(a => new { a.DeviceId, a.Type, a.EndUnixMs });
            e.HasIndex(a => new { a.State, a.RaisedUnixMs });
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        builder.Entity<AlertHistoryRow>(e =>
        {
            e.ToTable("alert_history");
            e.HasIndex(h => h.AlertId);
        });
        builder.Entity<TagAssignmentRow>(e =>
        {
            e.ToTable("tag_assignments");
            e.HasIndex(a => new { a.TagKey, a.FromUnixMs });
            e.HasIndex(a => a.OffenderId);
        });
        builder.Entity<OffenderRow>(e =>
        {
            e.ToTable("offenders");
            e.HasIndex(o => o.Reference).IsUnique();
        });
        builder.Entity<PersonalDetailsRow>(e =>
        {
            e.ToTable("personal_details");
            e.HasKey(p => p.OffenderId);
        });
        builder.Entity<RiskTierChangeRow>(e =>
        {
            e.ToTable("risk_tier_changes");
            e.HasIndex(r => r.OffenderId);
        });
        builder.Entity<CrimeRow>(e =>
        {
            e.ToTable("crimes");
            e.HasIndex(c => new { c.Force, c.Reference, c.Version }).IsUnique();
            e.HasIndex(c => new { c.IsCurrent, c.CommittedFromUnixMs });
        });
        builder.Entity<AreaCrimeRow>(e =>
        {
            e.ToTable("area_crimes");
            e.HasIndex(a => a.ContentHash).IsUnique();
            e.HasIndex(a => new { a.Month, a.BoroughCode });
        });
        builder.Entity<SchemeRow>(e =>
        {
            e.ToTable("scheme");
            e.Property(s => s.Id).ValueGeneratedNever();
        });
        builder.Entity<CorrelationRunRow>(e =>
        {
            e.ToTable("correlation_runs");
            e.HasIndex(r => r.StartedUnixMs);
            e.Property(r => r.Status).HasDefaultValue("finished");
            e.HasIndex(r => r.Status);
        });
        builder.Entity<PendingCorrelationRow>(e =>
        {
            e.ToTable("correlation_pending");
            e.Property(p => p.Id).HasAnnotation("Sqlite:Autoincrement", true);
        });
        builder.Entity<PendingMonitoringRow>(e =>
        {
            e.ToTable("monitoring_pending");
            e.Property(p => p.Id).HasAnnotation("Sqlite:Autoincrement", true);
            e.HasIndex(p => p.QueuedUnixMs);
        });
        builder.Entity<MatchRow>(e =>
        {
            e.ToTable("matches");
            e.HasIndex(m => new { m.Force, m.CrimeReference, m.DeviceId }).IsUnique();
            e.HasIndex(m => new { m.State, m.Significant });
            e.Property(m => m.Version).IsConcurrencyToken();
        });
        builder.Entity<MatchHistoryRow>(e =>
        {
            e.ToTable("match_history");
            e.HasIndex(h => h.MatchId);
        });
        builder.Entity<MatchAmendmentRow>(e =>
        {
            e.ToTable("match_amendments");
            e.HasIndex(a => new { a.MatchId, a.Number }).IsUnique();
        });
        builder.Entity<LocationSearchRow>(e =>
        {
            e.ToTable("location_searches");
            e.HasIndex(s => s.AtUnixMs);
        });
        builder.Entity<AuditRow>(e =>
        {
            e.ToTable("audit_log", t => t.HasComment("append-only"));
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
            e.HasIndex(a => a.AtUnixMs);
            e.HasIndex(a => new { a.Actor, a.AtUnixMs });
            e.HasIndex(a => new { a.SubjectId, a.AtUnixMs });
        });
        builder.Entity<AuditChainBaseRow>(e =>
        {
            e.ToTable("audit_chain_base");
            e.Property(b => b.Id).ValueGeneratedNever();
        });
        builder.Entity<FixChunkRow>(e =>
        {
            e.ToTable("fix_chunks");
            e.HasIndex(c => new { c.TagKey, c.Day }).IsUnique();
            e.HasIndex(c => c.Day); // a day's chunks of every tag, for its grid
        });
        builder.Entity<FixDayRow>(e =>
        {
            e.ToTable("fix_days");
            e.HasKey(d => d.Day);
            e.Property(d => d.Day).ValueGeneratedNever();
        });
    }
}
