using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;
using NodaTime;
using Tagwatch.Application.Crimes;
using Tagwatch.Core.Crimes;
using Tagwatch.Correlation;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Crimes;

/// <summary>Versioned crimes and area crimes on the relational store.</summary>
public sealed class EfCrimeStore(IRelationalDatabase database) : ICrimeStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<CrimeUpsertOutcome>> UpsertAsync(IReadOnlyList<Crime> crimes, Instant importedAt, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        long importedMs = importedAt.ToUnixTimeMilliseconds();

        // Load the current versions of every (force, reference) in the input in one query per force.
        var current = new Dictionary<(string, string), CrimeRow>();
        foreach (var group in crimes.GroupBy(c => c.Force))
        {
            var references = group.Select(c => c.Reference).Distinct().ToList();
            foreach (var chunk in references.Chunk(500))
            {
                var rows = await context.Crimes.AsTracking()
                    .Where(r => r.Force == group.Key && r.IsCurrent && chunk.Contains(r.Reference))
                    .ToListAsync(cancellationToken);
                foreach (var row in rows)
                {
                    current[(row.Force, row.Reference)] = row;
                }
            }
        }

        var outcomes = new List<CrimeUpsertOutcome>(crimes.Count);
        foreach (var crime in crimes)
        {
            var key = (crime.Force, crime.Reference);
            if (current.TryGetValue(key, out var existing))
            {
                if (existing.ToCrime().HasSameContentAs(crime))
                {
                    outcomes.Add(CrimeUpsertOutcome.Unchanged);
                    continue;
                }

                existing.IsCurrent = false;
                var next = crime.ToRow(existing.Version + 1, importedMs);
                context.Crimes.Add(next);
                current[key] = next;
                outcomes.Add(CrimeUpsertOutcome.NewVersion);
            }
            else
            {
                var row = crime.ToRow(1, importedMs);
                context.Crimes.Add(row);
                current[key] = row;
                outcomes.Add(CrimeUpsertOutcome.Created);
            }
        }

        // The new and changed crimes wait for correlation in the same transaction: a crash after this commit cannot leave
        // them never checked (a re-import would find them unchanged and queue nothing).
        Correlation.EfPendingCorrelationStore.QueueCrimes(
            context, crimes.Where((_, i) => outcomes[i] != CrimeUpsertOutcome.Unchanged).Select(c => (c.Force, c.Reference)).Distinct(), importedMs);
        context.ChangeTracker.DetectChanges();
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Crime>> CurrentAsync(Instant from, Instant to, CancellationToken cancellationToken = default)
    {
        long fromMs = from.ToUnixTimeMilliseconds(), toMs = to.ToUnixTimeMilliseconds();
        await using var context = database.CreateContext();
        var rows = await context.Crimes.AsNoTracking()
            .Where(r => r.IsCurrent && r.CommittedToUnixMs >= fromMs && r.CommittedFromUnixMs <= toMs)
            .OrderBy(r => r.CommittedFromUnixMs).ThenBy(r => EF.Functions.Collate(r.Reference, context.BytewiseCollation))
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToCrime()).ToList();
    }

    /// <inheritdoc />
    public async Task<(IReadOnlyList<Crime> Page, int Total)> ListCurrentAsync(CrimeFilter filter, CrimeSort sort, bool descending, int skip, int? take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var context = database.CreateContext();
        var selected = Selected(context, filter);
        int total = await selected.CountAsync(cancellationToken);
        var ordered = Sorted(selected, sort, descending, context.BytewiseCollation).Skip(skip);
        var rows = await (take is { } size ? ordered.Take(size) : ordered).ToListAsync(cancellationToken);
        return (rows.Select(r => r.ToCrime()).ToList(), total);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(Instant CommittedFrom, CrimeCategory Category)>> CurrentStartsAsync(CrimeFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var context = database.CreateContext();
        var rows = await Selected(context, filter).Select(r => new { r.CommittedFromUnixMs, r.Category }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (Instant.FromUnixTimeMilliseconds(r.CommittedFromUnixMs), Enum.Parse<CrimeCategory>(r.Category)))];
    }

    private static IQueryable<CrimeRow> Selected(TagwatchDbContext context, CrimeFilter filter)
    {
        long fromMs = filter.From.ToUnixTimeMilliseconds(), toMs = filter.To.ToUnixTimeMilliseconds();
        var rows = context.Crimes.AsNoTracking().Where(r => r.IsCurrent && r.CommittedToUnixMs >= fromMs && r.CommittedFromUnixMs <= toMs);
        if (filter.Boroughs is { } boroughs)
        {
            var allowed = boroughs.ToList();
            rows = rows.Where(r => r.BoroughCode != null && allowed.Contains(r.BoroughCode));
        }

        if (filter.Borough is { } borough)
        {
            rows = rows.Where(r => r.BoroughCode == borough);
        }

        if (filter.Category is { } category)
        {
            string name = category.ToString();
            rows = rows.Where(r => r.Category == name);
        }

        return rows;
    }

    // Then by reference and force: a total order, so consecutive pages neither overlap nor skip a crime. Text is
    // ordered by its bytes on both databases, so a list reads the same whichever holds it.
    private static IQueryable<CrimeRow> Sorted(IQueryable<CrimeRow> rows, CrimeSort sort, bool descending, string bytewise)
    {
        var ordered = (sort, descending) switch
        {
            // Crimes outside London (no borough) last, or first when descending, as if after every code.
            (CrimeSort.Borough, false) => rows.OrderBy(r => r.BoroughCode == null).ThenBy(r => EF.Functions.Collate(r.BoroughCode, bytewise)),
            (CrimeSort.Borough, true) => rows.OrderByDescending(r => r.BoroughCode == null).ThenByDescending(r => EF.Functions.Collate(r.BoroughCode, bytewise)),
            (CrimeSort.Category, false) => rows.OrderBy(r => EF.Functions.Collate(r.Category, bytewise)),
            (CrimeSort.Category, true) => rows.OrderByDescending(r => EF.Functions.Collate(r.Category, bytewise)),
            (CrimeSort.Reference, false) => rows.OrderBy(r => EF.Functions.Collate(r.Reference, bytewise)),
            (CrimeSort.Reference, true) => rows.OrderByDescending(r => EF.Functions.Collate(r.Reference, bytewise)),
            (_, false) => rows.OrderBy(r => r.CommittedFromUnixMs),
            (_, true) => rows.OrderByDescending(r => r.CommittedFromUnixMs),
        };
        return ordered.ThenBy(r => EF.Functions.Collate(r.Reference, bytewise)).ThenBy(r => EF.Functions.Collate(r.Force, bytewise));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Crime>> CurrentOfAsync(IReadOnlyCollection<(string Force, string Reference)> keys, CancellationToken cancellationToken = default)
    {
        // By force, each a lookup on the (force, reference, version) index: an import's few changed crimes are read
        // without reading every current crime of the scheme.
        await using var context = database.CreateContext();
        var found = new List<Crime>(keys.Count);
        foreach (var byForce in keys.GroupBy(k => k.Force, StringComparer.Ordinal))
        {
            string force = byForce.Key;
            var references = byForce.Select(k => k.Reference).Distinct(StringComparer.Ordinal).ToList();
            var rows = await context.Crimes.AsNoTracking()
                .Where(r => r.IsCurrent && r.Force == force && references.Contains(r.Reference))
                .ToListAsync(cancellationToken);
            found.AddRange(rows.Select(r => r.ToCrime()));
        }

        return found;
    }

    /// <inheritdoc />
    /// <remarks>SQLite does its work synchronously, whatever a method's name, so the read runs on the thread pool: a
    /// caller that starts it and meanwhile loads the day grids (a strict run) overlaps the two.</remarks>
    public Task<IReadOnlyList<CrimeSite>> CurrentSitesAsync(Instant from, Instant to, CancellationToken cancellationToken = default) =>
        database is TagwatchDatabase sqlite
            ? Task.Run(() => ReadSitesFromSqliteAsync(sqlite, from, to, cancellationToken), cancellationToken)
            : ReadSitesAsync(from, to, cancellationToken);

    private async Task<IReadOnlyList<CrimeSite>> ReadSitesAsync(Instant from, Instant to, CancellationToken cancellationToken)
    {
        long fromMs = from.ToUnixTimeMilliseconds();
        long toMs = to.ToUnixTimeMilliseconds();
        await using var context = database.CreateContext();
        var rows = await context.Crimes.AsNoTracking()
            .Where(c => c.IsCurrent && c.CommittedToUnixMs >= fromMs && c.CommittedFromUnixMs <= toMs)
            .Select(c => new { c.Reference, c.Latitude, c.Longitude, c.CommittedFromUnixMs, c.CommittedToUnixMs })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new CrimeSite(c.Reference, c.Latitude, c.Longitude, c.CommittedFromUnixMs, c.CommittedToUnixMs)).ToList();
    }

    private static async Task<IReadOnlyList<CrimeSite>> ReadSitesFromSqliteAsync(TagwatchDatabase sqlite, Instant from, Instant to, CancellationToken cancellationToken)
    {
        // The five columns strict mode uses, read through SQLite's own statement interface: a strict run reads every
        // current crime, and there the provider's per-value checks cost more than SQLite's work (13 ms against 7 for
        // 12,900 crimes); nor does it build EF's model, which would cost more than the whole correlation.
        await using var connection = await sqlite.OpenConnectionAsync(cancellationToken);
        var db = connection.Handle!;
        int rc = raw.sqlite3_prepare_v2(db, """
            SELECT Reference, Latitude, Longitude, CommittedFromUnixMs, CommittedToUnixMs
            FROM crimes WHERE IsCurrent = 1 AND CommittedToUnixMs >= ?1 AND CommittedFromUnixMs <= ?2
            """, out var statement);
        SqliteException.ThrowExceptionForRC(rc, db);
        var sites = new List<CrimeSite>();
        using (statement)
        {
            raw.sqlite3_bind_int64(statement, 1, from.ToUnixTimeMilliseconds());
            raw.sqlite3_bind_int64(statement, 2, to.ToUnixTimeMilliseconds());
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                sites.Add(new CrimeSite(raw.sqlite3_column_text(statement, 0).utf8_to_string(), raw.sqlite3_column_double(statement, 1),
                    raw.sqlite3_column_double(statement, 2), raw.sqlite3_column_int64(statement, 3), raw.sqlite3_column_int64(statement, 4)));
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }
        }

        return sites;
    }

    /// <inheritdoc />
    public async Task<Interval?> CurrentSpanAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var span = await context.Crimes.AsNoTracking()
            .Where(c => c.IsCurrent)
            .GroupBy(_ => 1)
            .Select(g => new { From = g.Min(c => c.CommittedFromUnixMs), To = g.Max(c => c.CommittedToUnixMs) })
            .FirstOrDefaultAsync(cancellationToken);
        return span is null
            ? null
            : new Interval(Instant.FromUnixTimeMilliseconds(span.From), Instant.FromUnixTimeMilliseconds(span.To));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Crime>> HistoryAsync(string force, string reference, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.Crimes.AsNoTracking()
            .Where(r => r.Force == force && r.Reference == reference)
            .OrderBy(r => r.Version)
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToCrime()).ToList();
    }

    /// <inheritdoc />
    public async Task<int> AddAreaCrimesAsync(IReadOnlyList<AreaCrime> crimes, CancellationToken cancellationToken = default)
    {
        // Identical rows are legitimate (police.uk IDs are not unique and anti-social behaviour has none), so a row's
        // identity is its content plus how many identical rows came before it in the same input.
        var occurrences = new Dictionary<string, int>();
        var rows = new List<AreaCrimeRow>(crimes.Count);
        foreach (var crime in crimes)
        {
            string content = string.Join('\u001f', crime.CrimeId, crime.Month.ToString("uuuu-MM", CultureInfo.InvariantCulture), crime.ReportedBy,
                crime.Position?.ToString(), crime.Location, crime.LsoaCode, crime.CrimeType, crime.LastOutcome);
            int occurrence = occurrences.TryGetValue(content, out int seen) ? seen + 1 : 1;
            occurrences[content] = occurrence;
            string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{content}\u001f{occurrence}")));
            rows.Add(new AreaCrimeRow
            {
                CrimeId = crime.CrimeId,
                Month = crime.Month.ToString("uuuu-MM", CultureInfo.InvariantCulture),
                ReportedBy = crime.ReportedBy,
                Latitude = crime.Position?.Latitude,
                Longitude = crime.Position?.Longitude,
                Location = crime.Location,
                LsoaCode = crime.LsoaCode,
                LsoaName = crime.LsoaName,
                CrimeType = crime.CrimeType,
                LastOutcome = crime.LastOutcome,
                BoroughCode = crime.BoroughCode,
                ContentHash = hash,
            });
        }

        await using var context = database.CreateContext();
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.ContentHash).Chunk(500))
        {
            held.UnionWith(await context.AreaCrimes.Where(a => chunk.Contains(a.ContentHash)).Select(a => a.ContentHash).ToListAsync(cancellationToken));
        }

        var fresh = rows.Where(r => held.Add(r.ContentHash)).ToList();
        context.AreaCrimes.AddRange(fresh);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return fresh.Count;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(string Month, string CrimeType, int Count)>> AreaCrimeCountsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.AreaCrimes.GroupBy(a => new { a.Month, a.CrimeType })
            .Select(g => new { g.Key.Month, g.Key.CrimeType, Count = g.Count() })
            .OrderBy(g => g.Month).ThenBy(g => g.CrimeType)
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Month, r.CrimeType, r.Count)).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AreaCrimePointCount>> AreaCrimePointCountsAsync(AreaCrimeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var context = database.CreateContext();
        // Month first, then borough: the (Month, BoroughCode) index serves both filters.
        var months = query.Months.ToList();
        var rows = context.AreaCrimes.AsNoTracking()
            .Where(a => months.Contains(a.Month) && a.Latitude != null && a.Longitude != null);
        if (query.Boroughs is { } boroughs)
        {
            var codes = boroughs.ToList();
            rows = rows.Where(a => a.BoroughCode != null && codes.Contains(a.BoroughCode));
        }

        if (query.CrimeType is { } crimeType)
        {
            rows = rows.Where(a => a.CrimeType == crimeType);
        }

        if (query.Bounds is { } box)
        {
            rows = rows.Where(a => a.Latitude >= box.South && a.Latitude <= box.North && a.Longitude >= box.West && a.Longitude <= box.East);
        }

        var counts = await rows.GroupBy(a => new { a.Latitude, a.Longitude, a.CrimeType })
            .Select(g => new { g.Key.Latitude, g.Key.Longitude, g.Key.CrimeType, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.Select(c => new AreaCrimePointCount(c.Latitude!.Value, c.Longitude!.Value, c.CrimeType, c.Count)).ToList();
    }
}
