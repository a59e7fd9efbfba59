using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Offenders;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Application.Disclosure;

/// <summary>Everything a disclosure pack states, gathered before rendering.</summary>
/// <param name="Match">The match as disclosed.</param>
/// <param name="Crime">The crime version the match was made against.</param>
/// <param name="Offender">The subject's record, when the tag was worn by an enrolled person.</param>
/// <param name="Person">The subject's identity.</param>
/// <param name="Disclosure">The disclosure step: who, when, purpose, recipient.</param>
/// <param name="Evidence">The engine's evidence points, in time order.</param>
/// <param name="Vicinity">Stored fixes of the tag near the crime around its window (what the map shows).</param>
/// <param name="Gaps">Times the tag could not be monitored during the window.</param>
/// <param name="FactorsJson">The score's factors as stored.</param>
/// <param name="BufferMetres">The search buffer of the run that made the match.</param>
/// <param name="Generated">When the pack was produced.</param>
/// <param name="GeneratedBy">Who produced it.</param>
public sealed record DisclosurePack(
    StoredMatch Match, Crime Crime, Offender? Offender, PersonalDetails? Person, MatchReviewEntry Disclosure,
    IReadOnlyList<EvidencePoint> Evidence, IReadOnlyList<Fix> Vicinity, IReadOnlyList<MonitoringGap> Gaps, string FactorsJson,
    double BufferMetres, Instant Generated, string GeneratedBy)
{
    /// <summary>Amendments disclosed as supplements, oldest first: later engine results the police were sent beside the
    /// evidence as disclosed (which the pack states unchanged).</summary>
    public IReadOnlyList<MatchAmendment> Supplements { get; init; } = [];

    /// <summary>The standard caveat printed on every pack.</summary>
    public const string Caveat =
        "This match shows only that the tag's recorded positions were near the place of the crime around the time given. It does not show "
        + "that the wearer committed or witnessed the crime, and it does not rule out anyone else. Positions have the stated confidence radius; "
        + "between fixes the tag's position is not known. The tag covers only the times when it could be monitored: any gap listed is a time "
        + "when it could not, and nothing may be inferred about those times from this pack.";
}
