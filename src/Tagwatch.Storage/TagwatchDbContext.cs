using Microsoft.EntityFrameworkCore;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage;

/// <summary>The relational store: registry, offenders, crimes, scheme, and the fix chunks' table.</summary>
public sealed class TagwatchDbContext(DbContextOptions<TagwatchDbContext> options) : DbContext(options)
{
    public DbSet<TagRow> Tags => Set<TagRow>();

    public DbSet<TagAssignmentRow> TagAssignments => Set<TagAssignmentRow>();

    public DbSet<OffenderRow> Offenders => Set<OffenderRow>();

    public DbSet<PersonalDetailsRow> PersonalDetails => Set<PersonalDetailsRow>();

    public DbSet<RiskTierChangeRow> RiskTierChanges => Set<RiskTierChangeRow>();

    public DbSet<CrimeRow> Crimes => Set<CrimeRow>();

    public DbSet<AreaCrimeRow> AreaCrimes => Set<AreaCrimeRow>();

    public DbSet<SchemeRow> Scheme => Set<SchemeRow>();

    public DbSet<FixChunkRow> FixChunks => Set<FixChunkRow>();

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

    public DbSet<MatchRow> Matches => Set<MatchRow>();

    public DbSet<MatchHistoryRow> MatchHistory => Set<MatchHistoryRow>();

    public DbSet<LocationSearchRow> LocationSearches => Set<LocationSearchRow>();

    public DbSet<AuditRow> AuditLog => Set<AuditRow>();

    public DbSet<AuditChainBaseRow> AuditChainBase => Set<AuditChainBaseRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TagRow>(e =>
        {
            e.ToTable("tags");
            e.HasKey(t => t.Key);
            e.HasIndex(t => t.DeviceId).IsUnique();
            e.Property(t => t.DeviceId).HasMaxLength(40);
        });
        modelBuilder.Entity<RawFrameRow>(e =>
        {
            e.ToTable("raw_frames");
            e.HasIndex(f => new { f.TagKey, f.ReceivedUnixMs });
            e.HasIndex(f => f.ReceivedUnixMs);
        });
        modelBuilder.Entity<RawFrameBlockRow>(e =>
        {
            e.ToTable("raw_frame_blocks");
            e.HasIndex(b => new { b.TagKey, b.Day });
            e.HasIndex(b => b.LastReceivedUnixMs);
        });
        modelBuilder.Entity<DeviceEventRow>(e =>
        {
            e.ToTable("device_events");
            e.HasIndex(d => new { d.TagKey, d.TimeUnixMs });
        });
        modelBuilder.Entity<DeviceContactRow>(e =>
        {
            e.ToTable("device_contacts");
            e.HasKey(d => d.TagKey);
            e.Property(d => d.TagKey).ValueGeneratedNever();
        });
        modelBuilder.Entity<RefusedDeviceRow>(e =>
        {
            e.ToTable("refused_devices");
            e.HasKey(d => d.DeviceId);
        });
        modelBuilder.Entity<DeviceCredentialRow>(e =>
        {
            e.ToTable("device_credentials");
            e.HasIndex(c => c.SecretHash).IsUnique();
            e.HasIndex(c => c.TagKey);
        });
        modelBuilder.Entity<ConditionRow>(e =>
        {
            e.ToTable("conditions");
            e.HasIndex(c => new { c.OffenderId, c.EndedUnixMs });
        });
        modelBuilder.Entity<ConditionSuspensionRow>(e =>
        {
            e.ToTable("condition_suspensions");
            e.HasIndex(s => s.ConditionId);
        });
        modelBuilder.Entity<AlertRow>(e =>
        {
            e.ToTable("alerts");
            e.HasIndex(a => new { a.ConditionId, a.StartUnixMs });
            e.HasIndex(a => new { a.DeviceId, a.Type, a.EndUnixMs });
            e.HasIndex(a => new { a.State, a.RaisedUnixMs });
        });
        modelBuilder.Entity<AlertHistoryRow>(e =>
        {
            e.ToTable("alert_history");
            e.HasIndex(h => h.AlertId);
        });
        modelBuilder.Entity<TagAssignmentRow>(e =>
        {
            e.ToTable("tag_assignments");
            e.HasIndex(a => new { a.TagKey, a.FromUnixMs });
            e.HasIndex(a => a.OffenderId);
        });
        modelBuilder.Entity<OffenderRow>(e =>
        {
            e.ToTable("offenders");
            e.HasIndex(o => o.Reference).IsUnique();
        });
        modelBuilder.Entity<PersonalDetailsRow>(e =>
        {
            e.ToTable("personal_details");
            e.HasKey(p => p.OffenderId);
        });
        modelBuilder.Entity<RiskTierChangeRow>(e =>
        {
            e.ToTable("risk_tier_changes");
            e.HasIndex(r => r.OffenderId);
        });
        modelBuilder.Entity<CrimeRow>(e =>
        {
            e.ToTable("crimes");
            e.HasIndex(c => new { c.Force, c.Reference, c.Version }).IsUnique();
            e.HasIndex(c => new { c.IsCurrent, c.CommittedFromUnixMs });
        });
        modelBuilder.Entity<AreaCrimeRow>(e =>
        {
            e.ToTable("area_crimes");
            e.HasIndex(a => a.ContentHash).IsUnique();
            e.HasIndex(a => new { a.Month, a.BoroughCode });
        });
        modelBuilder.Entity<SchemeRow>(e =>
        {
            e.ToTable("scheme");
            e.Property(s => s.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<CorrelationRunRow>(e =>
        {
            e.ToTable("correlation_runs");
            e.HasIndex(r => r.StartedUnixMs);
        });
        modelBuilder.Entity<MatchRow>(e =>
        {
            e.ToTable("matches");
            e.HasIndex(m => new { m.Force, m.CrimeReference, m.DeviceId }).IsUnique();
            e.HasIndex(m => new { m.State, m.Significant });
        });
        modelBuilder.Entity<MatchHistoryRow>(e =>
        {
            e.ToTable("match_history");
            e.HasIndex(h => h.MatchId);
        });
        modelBuilder.Entity<LocationSearchRow>(e =>
        {
            e.ToTable("location_searches");
            e.HasIndex(s => s.AtUnixMs);
        });
        modelBuilder.Entity<AuditRow>(e =>
        {
            e.ToTable("audit_log", t => t.HasComment("append-only"));
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
            e.HasIndex(a => a.AtUnixMs);
            e.HasIndex(a => new { a.Actor, a.AtUnixMs });
            e.HasIndex(a => new { a.SubjectId, a.AtUnixMs });
        });
        modelBuilder.Entity<AuditChainBaseRow>(e =>
        {
            e.ToTable("audit_chain_base");
            e.Property(b => b.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<FixChunkRow>(e =>
        {
            e.ToTable("fix_chunks");
            e.HasIndex(c => new { c.TagKey, c.Day }).IsUnique();
        });
    }
}
