using System.Text.Json;
using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Offenders;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Application.Disclosure;

/// <summary>Gathers a disclosed match's pack from the stores.</summary>
public sealed class DisclosurePackBuilder(ICorrelationStore matches, ICrimeStore crimes, IOffenderStore offenders, IFixStore fixes)
{
    /// <summary>How far around the crime window the map's fixes reach.</summary>
    public static readonly Duration VicinityPad = Duration.FromMinutes(30);

    /// <summary>How far from the crime the map's fixes reach.</summary>
    public const double VicinityMetres = 1_000;

    /// <exception cref="KeyNotFoundException">No such match.</exception>
    /// <exception cref="InvalidOperationException">The match has not been disclosed.</exception>
    public async Task<DisclosurePack> BuildAsync(long id, string generatedBy, Instant now, CancellationToken cancellationToken = default)
    {
        var detail = await matches.GetMatchAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"There is no match {id}.");
        var match = detail.Match;
        if (match.State != "disclosed")
        {
            throw new Core.NotAllowedNowException($"Match {id}: a disclosure pack is produced for disclosed matches; this one is {match.State}.");
        }

        var versions = await crimes.HistoryAsync(match.Force, match.CrimeReference, cancellationToken);
        var crime = versions.LastOrDefault(c => c.Version == match.CrimeVersion) ?? versions[^1];
        var disclosure = (await matches.ReviewsAsync(id, cancellationToken)).Last(r => r.ToState == "disclosed" && r.FromState != "disclosed");
        var offender = match.OffenderReference is { } reference && OffenderReference.TryParse(reference, out var parsed, out _)
            ? await offenders.FindAsync(parsed, cancellationToken)
            : null;
        var person = offender is null ? null : await offenders.PersonalDetailsAsync(offender.Id, cancellationToken);
        var evidence = MatchEvidenceJson.ReadEvidence(detail.EvidenceJson);
        var gaps = MatchEvidenceJson.ReadGaps(detail.GapsJson);
        var around = await fixes.ReadAsync(TagId.Parse(match.Tag), crime.CommittedFrom - VicinityPad, crime.CommittedTo + VicinityPad, cancellationToken);
        var vicinity = around.Where(f => Geodesic.DistanceMetres(f.Position, crime.Position) <= VicinityMetres).ToList();
        double buffer = new ScoringParameters().BufferMetres;
        if (await matches.RunParametersAsync(match.RunId, cancellationToken) is { } parameters
            && JsonDocument.Parse(parameters).RootElement.TryGetProperty(nameof(ScoringParameters.BufferMetres), out var stored))
        {
            buffer = stored.GetDouble();
        }

        return new DisclosurePack(match, crime, offender, person, disclosure, evidence.OrderBy(e => e.TimeUnixMs).ToList(), vicinity, gaps, detail.FactorsJson, buffer, now, generatedBy)
        {
            Supplements = detail.Amendments.Where(a => a.Supplement is not null).ToList(),
        };
    }
}
