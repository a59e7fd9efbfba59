using NodaTime;
using Tagwatch.Application.Crimes;
using Tagwatch.Core.Access;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Geo;
using Tagwatch.Protocols;

namespace Tagwatch.Application.Imports;

/// <summary>Imports crime rows: places each crime in its borough and stores it as new, a new version, or unchanged.</summary>
/// <remarks>All valid rows are stored in one transaction after the whole input has been read.</remarks>
public sealed class CrimeImporter(ICrimeStore store, BoroughMap boroughs, TimeProvider clock)
{
    /// <summary>Imports matchable crimes (MoJ batch or interchange format), unscoped.</summary>
    public Task<ImportReport> ImportAsync(IEnumerable<ParsedRow<Crime>> rows, CancellationToken cancellationToken = default) =>
        ImportAsync(rows, null, cancellationToken);

    /// <summary>Imports matchable crimes (MoJ batch or interchange format).</summary>
    /// <param name="rows">The decoded rows.</param>
    /// <param name="importer">Who imports, when their scope limits what they may store (police: their boroughs); null for an unscoped import.</param>
    /// <param name="cancellationToken">Cancels the import before its transaction.</param>
    public async Task<ImportReport> ImportAsync(IEnumerable<ParsedRow<Crime>> rows, Actor? importer, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        var crimes = Collect(rows, report, importer, crime => crime.Position, (crime, code) => crime with { BoroughCode = code });

        var outcomes = await store.UpsertAsync(crimes, Instant.FromDateTimeOffset(clock.GetUtcNow()), cancellationToken);
        for (int i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i] == CrimeUpsertOutcome.Unchanged)
            {
                report.Duplicates++;
                continue;
            }

            report.Accepted++;
            report.Updated += outcomes[i] == CrimeUpsertOutcome.NewVersion ? 1 : 0;
            report.ChangedCrimes.Add((crimes[i].Force, crimes[i].Reference));
        }

        return report;
    }

    /// <summary>Imports published street-level crimes as area context, unscoped.</summary>
    public Task<ImportReport> ImportAreaAsync(IEnumerable<ParsedRow<AreaCrime>> rows, CancellationToken cancellationToken = default) =>
        ImportAreaAsync(rows, null, cancellationToken);

    /// <summary>Imports published street-level crimes as area context; <paramref name="importer"/> as for <see cref="ImportAsync(IEnumerable{ParsedRow{Crime}}, Actor?, CancellationToken)"/>.</summary>
    public async Task<ImportReport> ImportAreaAsync(IEnumerable<ParsedRow<AreaCrime>> rows, Actor? importer, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        var crimes = Collect(rows, report, importer, crime => crime.Position, (crime, code) => crime with { BoroughCode = code });

        int added = await store.AddAreaCrimesAsync(crimes, cancellationToken);
        report.Accepted = added;
        report.Duplicates = crimes.Count - added;
        return report;
    }

    /// <summary>
    /// Counts and rejects bad rows, and places each good one in its borough (flagging those outside London); rejects
    /// the rows outside the importer's scope (<see cref="AccessPolicy.CoversBorough"/>), naming the row and the borough.
    /// </summary>
    private List<T> Collect<T>(IEnumerable<ParsedRow<T>> rows, ImportReport report, Actor? importer, Func<T, GeoPoint?> position, Func<T, string?, T> withBorough)
        where T : notnull
    {
        var collected = new List<T>();
        foreach (var row in rows)
        {
            report.Rows++;
            if (!row.IsValid)
            {
                report.Reject(row.Errors);
                continue;
            }

            var borough = position(row.Value!) is { } point ? boroughs.Locate(point) : null;
            if (importer is not null && !AccessPolicy.CoversBorough(importer, borough?.Code))
            {
                string where = borough is null ? "outside every London borough" : $"in {borough.Name} ({borough.Code})";
                report.Reject([new RowError(row.Row, "location", $"the crime lies {where}, outside your boroughs ({BoroughScope.Of(importer.Boroughs)}); not stored")]);
                continue;
            }

            if (borough is null)
            {
                report.Flagged++;
            }

            collected.Add(withBorough(row.Value!, borough?.Code));
        }

        return collected;
    }
}
