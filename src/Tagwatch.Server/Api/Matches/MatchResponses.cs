using System.Diagnostics.CodeAnalysis;
using NodaTime;
using Tagwatch.Core.Access;
using Tagwatch.Application.Correlation;
using Tagwatch.Core.Matches;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Server.Api.Matches;

/// <summary>A match's summary; <paramref name="Amendments"/> (how many later engine results are recorded) is the reviewer's to see, null for police.</summary>
public sealed record MatchSummaryResponse(
    long Id, string Force, string Crime, int CrimeVersion, string? Borough, string Tag, string? Offender,
    double Score, bool Significant, MatchState State, PoliceOutcome? Outcome, int? Amendments,
    double MinDistanceM, Instant ClosestTime, double DwellS, double GapS)
{
    internal static MatchSummaryResponse From(StoredMatch m, bool showAmendments) => new(
        m.Id, m.Force, m.CrimeReference, m.CrimeVersion, m.BoroughCode, m.Tag, m.OffenderReference,
        MatchNumbers.Score(m.Score), m.Significant, MatchWorkflow.Parse(m.State), MatchNumbers.Outcome(m.Outcome), showAmendments ? m.Amendments : null,
        MatchNumbers.Tenth(m.MinDistanceMetres), Instant.FromUnixTimeMilliseconds(m.ClosestTimeUnixMs), Math.Round(m.DwellSeconds), Math.Round(m.GapSeconds));
}

/// <summary>The factors a match's score is made of, and the score.</summary>
public sealed record MatchFactorsResponse(double Closeness, double Dwell, double WindowOverlap, double FixQuality, double CategoryRelevance, double HabitualPlace, double Score)
{
    internal static MatchFactorsResponse Read(string json)
    {
        var (f, score) = MatchEvidenceJson.ReadFactorsAndScore(json);
        return new(MatchNumbers.Score(f.Closeness), MatchNumbers.Score(f.Dwell), MatchNumbers.Score(f.WindowOverlap), MatchNumbers.Score(f.FixQuality),
            MatchNumbers.Score(f.CategoryRelevance), MatchNumbers.Score(f.HabitualPlace), MatchNumbers.Score(score));
    }
}

/// <summary>One evidence point: where the tag was (or is interpolated to have been), how sure, and how far from the crime.</summary>
public sealed record EvidencePointResponse(
    Instant Time, double Latitude, double Longitude, double? AccuracyM, bool AccuracyEstimated, double? SpeedKmh, double? HeadingDeg,
    double DistanceM, double MarginM, bool Interpolated)
{
    internal static IReadOnlyList<EvidencePointResponse> Read(string json) =>
        MatchEvidenceJson.ReadEvidence(json).Select(From).ToList();

    private static EvidencePointResponse From(EvidencePoint p) => new(
        Instant.FromUnixTimeMilliseconds(p.TimeUnixMs), MatchNumbers.Degrees(p.Latitude), MatchNumbers.Degrees(p.Longitude),
        MatchNumbers.Tenth(p.AccuracyMetres), p.AccuracyEstimated, MatchNumbers.Tenth(p.SpeedKmh), MatchNumbers.Tenth(p.HeadingDegrees),
        MatchNumbers.Tenth(p.DistanceMetres), MatchNumbers.Tenth(p.MarginMetres), p.Interpolated);
}

/// <summary>A time the tag could not be monitored; <paramref name="SiteReachable"/> when known.</summary>
public sealed record MonitoringGapResponse(Instant From, Instant To, bool? SiteReachable)
{
    internal static IReadOnlyList<MonitoringGapResponse> Read(string json) =>
        MatchEvidenceJson.ReadGaps(json).Select(g => new MonitoringGapResponse(Instant.FromUnixTimeMilliseconds(g.FromUnixMs), Instant.FromUnixTimeMilliseconds(g.ToUnixMs), g.SiteReachable)).ToList();
}

/// <summary>A review step: who moved the match from which state to which, or recorded which outcome, why, and to whom it
/// was disclosed. <c>role</c> is the role the actor acted in; none when the server itself acted.</summary>
public sealed record MatchReviewResponse(Instant At, string Actor, Role? Role, MatchState From, MatchState To, PoliceOutcome? Outcome, string Reason, string? DisclosedTo)
{
    internal static MatchReviewResponse Of(MatchReviewEntry r) => new(
        r.At, r.Actor, ActingRole(r.ActorRole), MatchWorkflow.Parse(r.FromState), MatchWorkflow.Parse(r.ToState), MatchNumbers.Outcome(r.Outcome), r.Reason, r.DisclosedTo);

    /// <summary>The role as recorded, or none for the server's own work ("System").</summary>
    internal static Role? ActingRole(string recorded) => Enum.TryParse<Role>(recorded, ignoreCase: false, out var role) ? role : null;
}

/// <summary>An earlier state of the match the engine replaced: when and why.</summary>
public sealed record MatchHistoryResponse(Instant Replaced, string Reason);

/// <summary>The disclosure of an amendment as a supplement.</summary>
public sealed record SupplementResponse(Instant Disclosed, string Actor, Role? Role, string Reason, string DisclosedTo);

/// <summary>A later engine result recorded beside a disclosed match (which keeps its evidence as disclosed).</summary>
[SuppressMessage("Naming", "CA1708:Identifiers should differ by more than case", Justification = "gap_s (the gap in seconds) and gaps (the list) are the API's field names, as on the match.")]
public sealed record MatchAmendmentResponse(
    int Number, Instant Recorded, Guid Run, string Reason, bool Found, int CrimeVersion, double? Score, bool Significant,
    double? MinDistanceM, Instant? ClosestTime, double? DwellS, double? GapS, string? HabitualPlace,
    MatchFactorsResponse? Factors, IReadOnlyList<EvidencePointResponse>? Evidence, IReadOnlyList<MonitoringGapResponse>? Gaps, SupplementResponse? Supplement)
{
    internal static MatchAmendmentResponse From(MatchAmendment a) => new(
        a.Number, a.At, a.RunId, a.Reason, a.Found, a.CrimeVersion, a.Score is { } score ? MatchNumbers.Score(score) : null, a.Significant,
        MatchNumbers.Tenth(a.MinDistanceMetres), a.ClosestTimeUnixMs is { } closest ? Instant.FromUnixTimeMilliseconds(closest) : null,
        a.DwellSeconds is { } dwell ? Math.Round(dwell) : null, a.GapSeconds is { } gap ? Math.Round(gap) : null, a.HabitualPlace,
        a.FactorsJson is null ? null : MatchFactorsResponse.Read(a.FactorsJson),
        a.EvidenceJson is null ? null : EvidencePointResponse.Read(a.EvidenceJson),
        a.GapsJson is null ? null : MonitoringGapResponse.Read(a.GapsJson),
        a.Supplement is { } s ? new SupplementResponse(s.At, s.Actor, MatchReviewResponse.ActingRole(s.ActorRole), s.Reason, s.DisclosedTo) : null);
}

/// <summary>One match with everything that supports it, as the actor may see it.</summary>
public sealed record MatchDetailResponse(
    MatchSummaryResponse Match, string? HabitualPlace, MatchFactorsResponse Factors, IReadOnlyList<EvidencePointResponse> Evidence,
    IReadOnlyList<MonitoringGapResponse> Gaps, IReadOnlyList<MatchReviewResponse> Reviews, IReadOnlyList<MatchHistoryResponse> History,
    IReadOnlyList<MatchAmendmentResponse> Amendments);

/// <summary>A review decision taken: the match's state now, and the recipient of a disclosure.</summary>
public sealed record MatchDecisionResponse(long Id, MatchState State, string? DisclosedTo);

/// <summary>A supplement disclosed: which amendment, to whom.</summary>
public sealed record SupplementDisclosedResponse(long Id, int Amendment, string? DisclosedTo);

/// <summary>An outcome recorded: the match's state and its outcome now.</summary>
public sealed record OutcomeRecordedResponse(long Id, MatchState State, PoliceOutcome? Outcome);

/// <summary>The precision a match's numbers are given to: people read them, and more digits would claim more than the
/// evidence knows — metres, speeds and headings to 0.1, degrees to 1e-7 (about 1 cm, what the fix store keeps), scores and factors to 3 decimals.</summary>
internal static class MatchNumbers
{
    public static double Tenth(double value) => Math.Round(value, 1);

    public static double? Tenth(double? value) => value is { } v ? Math.Round(v, 1) : null;

    public static double Degrees(double value) => Math.Round(value, 7);

    public static double Score(double value) => Math.Round(value, 3);

    /// <summary>An outcome as stored (its name), or null.</summary>
    public static PoliceOutcome? Outcome(string? stored) => stored is null ? null : Enum.Parse<PoliceOutcome>(stored, ignoreCase: true);
}
