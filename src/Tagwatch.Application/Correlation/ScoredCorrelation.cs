using System.Text.Json;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Crimes;
using Tagwatch.Application.Offenders;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Crimes;
using Tagwatch.Core.Identity;
using Tagwatch.Correlation;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Application.Correlation;

/// <summary>Runs scored correlation for the people in scope, records the run and stores the matches.</summary>
/// <remarks>
/// In scope: every person whose risk tier is at or above the scheme's correlation tier, through the tags they wore
/// and only while they wore them. With <c>allTags</c>, every tag with fixes is checked; fixes worn by nobody in
/// scope are checked with neutral offender factors. A run that revises a reviewed, disclosed or withdrawn match
/// records that in the audit log (by <c>system</c>): the reviewer's decision, or what the police hold, was about the
/// old result. A run over every current crime checks everything waiting in <see cref="IPendingCorrelationStore"/> when
/// it started, and clears it when it finishes.
/// </remarks>
public sealed class ScoredCorrelation(ICrimeStore crimes, IOffenderStore offenders, ITagDirectory tags, TrailLoader trails, ICorrelationStore store, IPendingCorrelationStore pending, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Tags whose trails a run holds in memory at once: a month of one tag's full fixes is about 3 MB, so a
    /// national caseload is scored a few hundred tags at a time instead of all at once.</summary>
    public const int TagsPerPass = 250;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>What a run produced.</summary>
    public sealed record Outcome(CorrelationRun Run, IReadOnlyList<ScoredMatch> Matches, MatchSaveResult Saved);

    /// <summary>Checks every current crime whose committed window overlaps [from, to] (everything when null) against the subjects.</summary>
    public async Task<Outcome> RunAsync(ScoringParameters parameters, bool allTags, string trigger, string requestedBy, Instant? from = null, Instant? to = null, CancellationToken cancellationToken = default)
    {
        parameters.Validate();
        bool everything = from is null && to is null;
        var waitingCrimes = everything ? await pending.PendingCrimesAsync(cancellationToken) : null;
        var waitingFixes = everything ? await pending.PendingFixesAsync(cancellationToken) : null;
        var current = await crimes.CurrentAsync(from ?? Instant.MinValue, to ?? Instant.MaxValue, cancellationToken);
        var outcome = await RunAsync(parameters, allTags, trigger, requestedBy, current, cancellationToken);

        // Every current crime was checked against every subject's whole trail: what was waiting then is done.
        if (waitingCrimes is not null)
        {
            await pending.CompleteCrimesAsync(waitingCrimes.UpTo, cancellationToken);
        }

        if (waitingFixes is not null)
        {
            await pending.CompleteFixesAsync(waitingFixes.UpTo, cancellationToken);
        }

        return outcome;
    }

    /// <summary>Incremental: checks just these crimes (newly imported or changed) against all history.</summary>
    public async Task<Outcome> RunForCrimesAsync(ScoringParameters parameters, IReadOnlyCollection<(string Force, string Reference)> changed, string requestedBy, CancellationToken cancellationToken = default)
    {
        parameters.Validate();
        var selected = await crimes.CurrentOfAsync(changed, cancellationToken);

        return await RunAsync(parameters, false, "automatic", requestedBy, selected, cancellationToken);
    }

    /// <summary>Incremental: fixes in [from, to] re-check the crimes whose padded windows they touch, and the crimes of
    /// the four weeks after, whose habitual places they are part of.</summary>
    /// <returns>Null when no current crime's window touches them: nothing is checked and no run is recorded (live
    /// fixes arrive every minute, and a run list of empty passes would bury the runs that checked something).</returns>
    public async Task<Outcome?> RunForFixesAsync(ScoringParameters parameters, Instant from, Instant to, string requestedBy, CancellationToken cancellationToken = default)
    {
        parameters.Validate();
        var reach = parameters.Pad + parameters.MaxInterpolationGap;
        var habitualReach = Duration.FromDays(HabitualPlaces.LookbackDays + 1);
        var touched = await crimes.CurrentAsync(from - reach, to + Duration.Max(reach, habitualReach), cancellationToken);
        return touched.Count == 0 ? null : await RunAsync(parameters, false, "automatic", requestedBy, touched, cancellationToken);
    }

    private async Task<Outcome> RunAsync(ScoringParameters parameters, bool allTags, string trigger, string requestedBy, IReadOnlyList<Crime> current, CancellationToken cancellationToken)
    {
        var started = Now();
        var sites = current.Select(CrimeSite.From).ToList();
        // The crimes' padded windows, one interpolation gap wider: all that decides whether a path touched a crime.
        var windowsFrom = current.Count == 0 ? started : current.Min(c => c.CommittedFrom) - parameters.Pad - parameters.MaxInterpolationGap;
        var dataTo = current.Count == 0 ? started : current.Max(c => c.CommittedTo) + parameters.Pad + parameters.MaxInterpolationGap;

        // Habitual places are judged on the four weeks before each crime's day, so a match's answer never depends on
        // how much trail a run read.
        var dataFrom = current.Count == 0 ? started : Instant.Min(
            windowsFrom, Instant.FromUnixTimeMilliseconds(HabitualPlaces.HistoryStartUnixMs(current.Min(c => c.CommittedFrom).ToUnixTimeMilliseconds())));

        var run = new CorrelationRun
        {
            Mode = "scored",
            Trigger = trigger,
            RequestedBy = requestedBy,
            AlgorithmVersion = ScoringParameters.AlgorithmVersion,
            ParametersJson = JsonSerializer.Serialize(new
            {
                parameters.BufferMetres,
                PadSeconds = parameters.Pad.TotalSeconds,
                MaxInterpolationGapSeconds = parameters.MaxInterpolationGap.TotalSeconds,
                parameters.MaxEvidenceAccuracyMetres,
                parameters.PlausibleSpeedKmh,
                parameters.SignificanceThreshold,
                FullDwellSeconds = parameters.FullDwell.TotalSeconds,
                parameters.HabitualRadiusMetres,
                parameters.HabitualDiscount,
                parameters.UnrelatedCategoryFactor,
                parameters.EstimatedAccuracyQualityFactor,
                AccuracyEstimate = new { trails.Accuracy.UereMetres, trails.Accuracy.MinimumMetres, trails.Accuracy.DefaultMetres, trails.Accuracy.Models },
                AllTags = allTags,
            }, Json),
            DataFrom = dataFrom,
            DataTo = dataTo,
            Started = started,
            Crimes = sites.Count,
        };
        await store.RecordRunAsync(run, cancellationToken);

        var (matches, subjectCount, checkedTags) = current.Count == 0 ? ([], 0, []) : await MatchAsync(sites, allTags, windowsFrom, dataFrom, dataTo, parameters, cancellationToken);
        var saved = await store.SaveMatchesAsync(
            run.Id, matches, current.Select(c => (c.Force, c.Reference)).ToList(), checkedTags.Select(t => t.Value).ToList(), Now(), cancellationToken);
        run = run with { Finished = Now(), Status = CorrelationRunStatus.Finished, Subjects = subjectCount, Matches = matches.Count, Significant = matches.Count(m => m.Significant) };
        await store.RecordRunAsync(run, cancellationToken);
        foreach (var revised in saved.Revisions)
        {
            await audit.AppendAsync(AuditOf(revised, run), cancellationToken);
        }

        return new Outcome(run, matches, saved);
    }

    private static AuditEvent AuditOf(RevisedMatch revised, CorrelationRun run)
    {
        string what = revised.Revision switch
        {
            Core.Matches.MatchRevision.Amend => $"amendment {revised.Amendment} recorded; the match stays {Core.Matches.MatchWorkflow.Name(revised.From)} with its evidence as disclosed",
            Core.Matches.MatchRevision.Withdraw => $"{Core.Matches.MatchWorkflow.Name(revised.From)} → withdrawn",
            _ => $"{Core.Matches.MatchWorkflow.Name(revised.From)} → new (returned to review)",
        };
        return new AuditEvent(
            "system", "System", revised.Revision == Core.Matches.MatchRevision.Amend ? AuditActions.AmendMatch : AuditActions.Review,
            "match", revised.MatchId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{what}: {revised.Reason}; run {run.Id} ({run.Trigger}, {run.RequestedBy})");
    }

    /// <summary>Matches the crimes against the subjects: in one pass over the trails from <paramref name="dataFrom"/>
    /// when the habitual-place history adds no more than the windows' own span (a long run), else in two.</summary>
    /// <returns>The matches, how many subjects were checked, and every tag checked: a tag that sent nothing in the
    /// windows is checked too (it cannot have touched the crimes, so a match it had with one of them — an earlier
    /// version — no longer holds).</returns>
    private async Task<(IReadOnlyList<ScoredMatch> Matches, int Subjects, List<TagId> Checked)> MatchAsync(
        List<CrimeSite> sites, bool allTags, Instant windowsFrom, Instant dataFrom, Instant dataTo, ScoringParameters parameters, CancellationToken cancellationToken)
    {
        var scope = await CorrelationScope.ReadAsync(offenders, tags, trails, allTags, cancellationToken);
        var checkedTags = scope.TagsBetween(windowsFrom, dataTo);
        if (windowsFrom - dataFrom <= dataTo - windowsFrom)
        {
            var (all, count) = await MatchByTagsAsync(scope, sites, scope.TagsBetween(dataFrom, dataTo), dataFrom, dataTo, null, parameters, cancellationToken);
            return (all, count, checkedTags);
        }

        // First pass: who touched which crime, on the trails of the windows alone. Habitual places discount a match but
        // cannot make or unmake one, so they wait for the second pass.
        var (touched, subjectCount) = await MatchByTagsAsync(scope, sites, checkedTags, windowsFrom, dataTo, HabitualPlaces.None, parameters, cancellationToken);
        if (touched.Count == 0)
        {
            return (touched, subjectCount, checkedTags);
        }

        // Second pass: the crimes touched, again, against the tags that touched them, read with the history habitual
        // places need: the answer a single pass over everything would give, reading history for few tags.
        var touchedTags = checkedTags.Intersect(touched.Select(m => m.Tag)).ToList();
        var (matches, _) = await MatchByTagsAsync(scope, touched.Select(m => m.Crime).Distinct().ToList(), touchedTags, dataFrom, dataTo, null, parameters, cancellationToken);
        return (matches, subjectCount, checkedTags);
    }

    /// <summary>Scores <paramref name="sites"/> against the trails of <paramref name="tagsToRead"/> in [from, to],
    /// <see cref="TagsPerPass"/> tags' trails in memory at a time; every subject of a tag is in the same pass, so the
    /// engine's one match per crime and tag holds across passes, and the answer is the one a single pass would give.</summary>
    private static async Task<(List<ScoredMatch> Matches, int Subjects)> MatchByTagsAsync(
        CorrelationScope scope, List<CrimeSite> sites, List<TagId> tagsToRead, Instant from, Instant to, HabitualPlaces? habitual, ScoringParameters parameters, CancellationToken cancellationToken)
    {
        var matches = new List<ScoredMatch>();
        int subjects = 0;
        foreach (var pass in tagsToRead.Chunk(TagsPerPass))
        {
            var trailsOfPass = await scope.SubjectsAsync(from, to, pass.ToHashSet(), habitual, cancellationToken);
            subjects += trailsOfPass.Count;
            matches.AddRange(ScoredEngine.Run(sites, trailsOfPass, parameters));
        }

        return (matches.OrderBy(m => m.Crime.Reference, StringComparer.Ordinal).ThenBy(m => m.Tag.Value, StringComparer.Ordinal).ToList(), subjects);
    }

    private Instant Now() => Instant.FromDateTimeOffset(clock.GetUtcNow());
}
