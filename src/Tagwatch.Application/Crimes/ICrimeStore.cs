using NodaTime;
using Tagwatch.Correlation;
using Tagwatch.Core.Crimes;

namespace Tagwatch.Application.Crimes;

/// <summary>Versioned storage of matchable crimes, and storage of published area crimes.</summary>
public interface ICrimeStore
{
    /// <summary>Stores each crime as new, as a new version of the current one when any field changed, or not at all when identical.</summary>
    /// <remarks>All crimes are written in one transaction; the outcomes are in input order.</remarks>
    Task<IReadOnlyList<CrimeUpsertOutcome>> UpsertAsync(IReadOnlyList<Crime> crimes, Instant importedAt, CancellationToken cancellationToken = default);

    /// <summary>One page of the current crimes <paramref name="filter"/> selects, sorted by <paramref name="sort"/> (then
    /// reference and force, so pages never overlap), and how many it selects in all; every crime when
    /// <paramref name="take"/> is null.</summary>
    Task<(IReadOnlyList<Crime> Page, int Total)> ListCurrentAsync(CrimeFilter filter, CrimeSort sort, bool descending, int skip, int? take, CancellationToken cancellationToken = default);

    /// <summary>When each current crime <paramref name="filter"/> selects was committed from, and its category: what a
    /// monthly count needs, without the rest of each crime.</summary>
    Task<IReadOnlyList<(Instant CommittedFrom, CrimeCategory Category)>> CurrentStartsAsync(CrimeFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Current versions of the crimes whose committed window overlaps [from, to].</summary>
    Task<IReadOnlyList<Crime>> CurrentAsync(Instant from, Instant to, CancellationToken cancellationToken = default);

    /// <summary>Current versions of the given crimes (by force and reference); keys with no current crime are skipped.</summary>
    Task<IReadOnlyList<Crime>> CurrentOfAsync(IReadOnlyCollection<(string Force, string Reference)> keys, CancellationToken cancellationToken = default);

    /// <summary>Reference, place and committed window of the same crimes, in no particular order, read lean: what
    /// strict correlation asks of every current crime (precision, category, version and force are left at their
    /// defaults).</summary>
    Task<IReadOnlyList<CrimeSite>> CurrentSitesAsync(Instant from, Instant to, CancellationToken cancellationToken = default);

    /// <summary>From the earliest start to the latest end of the current crimes' committed windows; null when there
    /// are none.</summary>
    Task<Interval?> CurrentSpanAsync(CancellationToken cancellationToken = default);

    /// <summary>Every version of one crime, oldest first.</summary>
    Task<IReadOnlyList<Crime>> HistoryAsync(string force, string reference, CancellationToken cancellationToken = default);

    /// <summary>Adds area crimes, skipping rows already held; returns how many were new.</summary>
    Task<int> AddAreaCrimesAsync(IReadOnlyList<AreaCrime> crimes, CancellationToken cancellationToken = default);

    /// <summary>Counts of area crimes by month and crime type, for trend reports.</summary>
    Task<IReadOnlyList<(string Month, string CrimeType, int Count)>> AreaCrimeCountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts of the area crimes <paramref name="query"/> selects, per map point and crime type, in no particular order.</summary>
    Task<IReadOnlyList<AreaCrimePointCount>> AreaCrimePointCountsAsync(AreaCrimeQuery query, CancellationToken cancellationToken = default);
}
