using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.Imports;
using Tagwatch.Core.Crimes;

namespace Tagwatch.Server.Api.Crimes;

/// <summary>An import's row-level report, and the correlation run that checked its new and changed crimes (null when none ran).</summary>
public sealed record ImportCrimesResponse(
    long Rows, long Accepted, long Updated, long Duplicates, long Flagged, long Rejected,
    IReadOnlyList<ImportErrorResponse> Errors, long ErrorCount, ImportCorrelationResponse? Correlation)
{
    internal static ImportCrimesResponse From(ImportCrimesResult result)
    {
        var report = result.Report;
        return new(report.Rows, report.Accepted, report.Updated, report.Duplicates, report.Flagged, report.Rejected,
            report.Errors.Select(ImportErrorResponse.From).ToList(), report.ErrorCount,
            result.Correlation is { } c ? ImportCorrelationResponse.From(c) : null);
    }
}

/// <summary>A rejected row's error: the row (1 is the first line of the file), the field, and why.</summary>
public sealed record ImportErrorResponse(long Row, string Field, string Reason)
{
    internal static ImportErrorResponse From(ImportError e) => new(e.Row, e.Field, e.Reason);
}

/// <summary>What the check of an import's crimes found: the run, and how many matches it made, created, updated or amended.</summary>
public sealed record ImportCorrelationResponse(Guid Run, int Crimes, int Matches, int Significant, int Created, int Updated, int Amended)
{
    internal static ImportCorrelationResponse From(ScoredCorrelation.Outcome outcome) => new(
        outcome.Run.Id, outcome.Run.Crimes, outcome.Run.Matches, outcome.Run.Significant, outcome.Saved.Created, outcome.Saved.Updated, outcome.Saved.Amended);
}

/// <summary>A current crime: who reported it, what, when (the committed window) and where, with the location's precision and borough.</summary>
public sealed record CrimeResponse(
    string Force, string Reference, int Version, CrimeCategory Category, string Code, Instant CommittedFrom, Instant CommittedTo,
    double Latitude, double Longitude, double PrecisionM, string? Borough)
{
    internal static CrimeResponse From(Crime c) => new(
        c.Force, c.Reference, c.Version, c.Category, c.CategoryCode, c.CommittedFrom, c.CommittedTo,
        c.Position.Latitude, c.Position.Longitude, c.LocationPrecisionMetres, c.BoroughCode);
}

/// <summary>A recorded correlation run: mode (<c>strict</c>, <c>scored</c>), trigger (<c>manual</c>, <c>automatic</c>), who asked, the data span, and what it found.</summary>
public sealed record CorrelationRunResponse(
    Guid Id, string Mode, string Trigger, string RequestedBy, string Algorithm, Instant DataFrom, Instant DataTo, Instant Started, Instant? Finished,
    CorrelationRunStatus Status, int Crimes, int Subjects, int Matches, int Significant)
{
    internal static CorrelationRunResponse From(CorrelationRun r) => new(
        r.Id, r.Mode, r.Trigger, r.RequestedBy, r.AlgorithmVersion, r.DataFrom, r.DataTo, r.Started, r.Finished, r.Status, r.Crimes, r.Subjects, r.Matches, r.Significant);
}

/// <summary>A manual run: the run, and how its matches changed what was stored.</summary>
public sealed record CorrelationRunStartedResponse(CorrelationRunResponse Run, int Created, int Updated, int Unchanged, int Withdrawn, int Amended)
{
    internal static CorrelationRunStartedResponse From(ScoredCorrelation.Outcome outcome) => new(
        CorrelationRunResponse.From(outcome.Run), outcome.Saved.Created, outcome.Saved.Updated, outcome.Saved.Unchanged, outcome.Saved.Withdrawn, outcome.Saved.Amended);
}

/// <summary>A near search: its id (the recorded search), and the tags that were near, nearest first.</summary>
public sealed record NearSearchResponse(Guid Search, IReadOnlyList<NearHitResponse> Hits)
{
    internal static NearSearchResponse From(SearchNearResult result) => new(result.Search.Id, result.Hits.Select(NearHitResponse.From).ToList());
}

/// <summary>A tag that was near: its wearer at the closest moment (null when none was monitored then), the closest distance and time, and how many fixes fell in the circle.</summary>
public sealed record NearHitResponse(string Tag, string? Offender, double MinDistanceM, Instant ClosestTime, int Fixes)
{
    internal static NearHitResponse From(NearQuery.Hit h) => new(
        h.Tag.Value, h.OffenderReference, Math.Round(h.Proximity.MinDistanceMetres, 2), Instant.FromUnixTimeMilliseconds(h.Proximity.ClosestTimeUnixMs), h.Proximity.Count);
}
