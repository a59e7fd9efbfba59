using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Offenders;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Offenders;

/// <summary>Scheme settings and enrolled people on the relational store.</summary>
public sealed class EfOffenderStore(IRelationalDatabase database) : IOffenderStore
{
    /// <inheritdoc />
    public async Task<SchemeSettings> GetSchemeAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.Scheme.AsNoTracking().SingleOrDefaultAsync(s => s.Id == 1, cancellationToken);
        return row?.ToScheme() ?? SchemeSettings.LondonPilot;
    }

    /// <inheritdoc />
    public async Task SaveSchemeAsync(SchemeSettings scheme, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = scheme.ToRow();
        if (await context.Scheme.AnyAsync(s => s.Id == 1, cancellationToken))
        {
            context.Scheme.Update(row);
        }
        else
        {
            context.Scheme.Add(row);
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> CountMonitoredAsync(LocalDate day, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await CountMonitoredAsync(context, day, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> AddIfCapacityAsync(Offender offender, PersonalDetails details, RiskTierChange initialTier, int capacity, LocalDate day, Instant enrolledAt, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        // The SQLite provider begins a transaction IMMEDIATE (it takes the write lock first), so the count below cannot
        // go stale before the insert: a second enrolment waits for this one to commit, then counts it. PostgreSQL lets
        // two transactions count at once, so there the table is locked against other enrolments (reads go on).
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        if (context.IsPostgres)
        {
            await context.Database.ExecuteSqlRawAsync("LOCK TABLE offenders IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        }

        if (await CountMonitoredAsync(context, day, cancellationToken) >= capacity)
        {
            return false;
        }

        var row = new OffenderRow
        {
            Reference = "", IndexOffences = "", RiskTier = "", HomeBoroughCode = "", LicenceStart = "", LicenceEnd = "",
            MonitoringStart = "", MonitoringEnd = "", Status = "", EnrolledUnixMs = enrolledAt.ToUnixTimeMilliseconds(),
        };
        offender.CopyTo(row);
        context.Offenders.Add(row);
        context.PersonalDetails.Add(new PersonalDetailsRow
        {
            OffenderId = offender.Id.Value,
            GivenName = details.GivenName,
            FamilyName = details.FamilyName,
            DateOfBirth = OffenderRowMapping.Format(details.DateOfBirth),
        });
        context.RiskTierChanges.Add(ToRow(offender.Id, initialTier));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<int> NextReferenceSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var references = await context.Offenders.Select(o => o.Reference).Where(r => r.StartsWith("TW-")).ToListAsync(cancellationToken);
        int highest = references.Select(r => int.TryParse(r.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 0).DefaultIfEmpty(0).Max();
        return highest + 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Offender>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.Offenders.AsNoTracking().OrderBy(o => EF.Functions.Collate(o.Reference, context.BytewiseCollation)).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToOffender()).ToList();
    }

    /// <inheritdoc />
    public async Task<Offender?> FindAsync(OffenderReference reference, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.Offenders.AsNoTracking().SingleOrDefaultAsync(o => o.Reference == reference.Value, cancellationToken);
        return row?.ToOffender();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OffenderReference>> FindSamePersonAsync(PersonalDetails person, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        string dateOfBirth = OffenderRowMapping.Format(person.DateOfBirth);
        // Few share a date of birth, so the names are compared here, with .NET's case rules rather than SQLite's ASCII ones.
        var born = await (from p in context.PersonalDetails.AsNoTracking()
                          join o in context.Offenders.AsNoTracking() on p.OffenderId equals o.Id
                          where p.DateOfBirth == dateOfBirth
                          select new { p.GivenName, p.FamilyName, o.Reference }).ToListAsync(cancellationToken);
        return born
            .Where(p => Same(p.GivenName, person.GivenName) && Same(p.FamilyName, person.FamilyName))
            .Select(p => OffenderReference.Parse(p.Reference))
            .OrderBy(r => r.Value, StringComparer.Ordinal)
            .ToList();

        static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public async Task<PersonalDetails?> PersonalDetailsAsync(OffenderId id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.PersonalDetails.AsNoTracking().SingleOrDefaultAsync(p => p.OffenderId == id.Value, cancellationToken);
        return row is null ? null : new PersonalDetails(row.GivenName, row.FamilyName, OffenderRowMapping.ParseDate(row.DateOfBirth));
    }

    /// <inheritdoc />
    public async Task UpdateAsync(Offender offender, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.Offenders.SingleOrDefaultAsync(o => o.Id == offender.Id.Value, cancellationToken)
            ?? throw new KeyNotFoundException($"No offender {offender.Reference}.");
        offender.CopyTo(row);
        await context.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task EndAsync(Offender ended, Instant wearingEndsAt, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var row = await context.Offenders.SingleOrDefaultAsync(o => o.Id == ended.Id.Value, cancellationToken)
            ?? throw new KeyNotFoundException($"No offender {ended.Reference}.");
        ended.CopyTo(row);
        long endsMs = wearingEndsAt.ToUnixTimeMilliseconds();
        var open = await context.TagAssignments.Where(a => a.OffenderId == ended.Id.Value && (a.ToUnixMs == null || a.ToUnixMs > endsMs)).ToListAsync(cancellationToken);
        foreach (var assignment in open)
        {
            assignment.ToUnixMs = Math.Max(assignment.FromUnixMs, endsMs);
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task ChangeRiskTierAsync(OffenderId id, RiskTierChange change, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.Offenders.SingleOrDefaultAsync(o => o.Id == id.Value, cancellationToken)
            ?? throw new KeyNotFoundException($"No offender {id}.");
        row.RiskTier = change.Tier.ToString();
        context.RiskTierChanges.Add(ToRow(id, change));
        await context.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RiskTierChange>> RiskHistoryAsync(OffenderId id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.RiskTierChanges.AsNoTracking().Where(r => r.OffenderId == id.Value).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return rows.Select(r => r.ToChange()).ToList();
    }

    private static async Task<int> CountMonitoredAsync(TagwatchDbContext context, LocalDate day, CancellationToken cancellationToken)
    {
        // Ending monitoring early moves MonitoringEnd, so the dates alone say who was monitored on a day.
        // ISO dates compare correctly as text.
        string dayText = OffenderRowMapping.Format(day);
        return await context.Offenders.CountAsync(o => string.Compare(o.MonitoringStart, dayText) <= 0 && string.Compare(o.MonitoringEnd, dayText) >= 0, cancellationToken);
    }

    private static RiskTierChangeRow ToRow(OffenderId id, RiskTierChange change) => new()
    {
        OffenderId = id.Value,
        Tier = change.Tier.ToString(),
        EffectiveFrom = OffenderRowMapping.Format(change.EffectiveFrom),
        Reason = change.Reason,
        RecordedUnixMs = change.RecordedAt.ToUnixTimeMilliseconds(),
    };
}
