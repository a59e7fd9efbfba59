using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Core.Matches;
using Tagwatch.Correlation.Scored;
using Tagwatch.Storage.Model;

namespace Tagwatch.Storage.Correlation;

/// <summary>Correlation runs and matches with history, on the relational store.</summary>
public sealed class EfCorrelationStore(IRelationalDatabase database) : ICorrelationStore
{
    private const string New = "new";
    private const string Withdrawn = "withdrawn";

    /// <inheritdoc />
    public async Task RecordRunAsync(CorrelationRun run, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.CorrelationRuns.SingleOrDefaultAsync(r => r.Id == run.Id, cancellationToken);
        if (row is null)
        {
            row = new CorrelationRunRow { Id = run.Id, Mode = run.Mode, Trigger = run.Trigger, RequestedBy = run.RequestedBy, AlgorithmVersion = run.AlgorithmVersion, ParametersJson = run.ParametersJson };
            context.CorrelationRuns.Add(row);
        }

        row.DataFromUnixMs = run.DataFrom.ToUnixTimeMilliseconds();
        row.DataToUnixMs = run.DataTo.ToUnixTimeMilliseconds();
        row.Crimes = run.Crimes;
        row.Subjects = run.Subjects;
        row.Matches = run.Matches;
        row.Significant = run.Significant;
        row.StartedUnixMs = run.Started.ToUnixTimeMilliseconds();
        row.FinishedUnixMs = run.Finished?.ToUnixTimeMilliseconds();
        row.Status = StatusName(run.Status);
        await context.SaveChangesAsync(cancellationToken);
    }

    private static string StatusName(CorrelationRunStatus status) => status.ToString().ToLowerInvariant();

    /// <inheritdoc />
    /// <remarks>A review committed while the pass decided (a match qualified or disclosed meanwhile) refuses the pass's
    /// write of that match (its version moved on); the pass is then decided again on the matches as they are now.</remarks>
    public async Task<MatchSaveResult> SaveMatchesAsync(Guid runId, IReadOnlyList<ScoredMatch> matches, IReadOnlyCollection<(string Force, string Reference)> crimesChecked, IReadOnlyCollection<string> tagsChecked, Instant now, CancellationToken cancellationToken = default)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveMatchesOnceAsync(runId, matches, crimesChecked, tagsChecked, now, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // decided on a match someone reviewed meanwhile: decide again
            }
        }
    }

    private async Task<MatchSaveResult> SaveMatchesOnceAsync(Guid runId, IReadOnlyList<ScoredMatch> matches, IReadOnlyCollection<(string Force, string Reference)> crimesChecked, IReadOnlyCollection<string> tagsChecked, Instant now, CancellationToken cancellationToken)
    {
        long nowMs = now.ToUnixTimeMilliseconds();
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var checkedCrimes = crimesChecked.ToHashSet();
        var checkedTags = tagsChecked.ToHashSet(StringComparer.Ordinal);
        var forces = checkedCrimes.Select(c => c.Force).Distinct().ToList();
        var stored = (await context.Matches.Where(m => forces.Contains(m.Force)).ToListAsync(cancellationToken))
            .Where(m => checkedCrimes.Contains((m.Force, m.CrimeReference)) && checkedTags.Contains(m.DeviceId))
            .ToDictionary(m => (m.Force, m.CrimeReference, m.DeviceId));

        var storedIds = stored.Values.Select(m => m.Id).ToList();
        var latestAmendments = (await context.MatchAmendments.Where(a => storedIds.Contains(a.MatchId)).ToListAsync(cancellationToken))
            .GroupBy(a => a.MatchId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Number)!);

        int created = 0, updated = 0, unchanged = 0, withdrawn = 0, amended = 0;
        var revisions = new List<RevisedMatch>();
        var seen = new HashSet<(string, string, string)>();
        foreach (var match in matches)
        {
            var key = (match.Crime.Force, match.Crime.Reference, match.Tag.Value);
            seen.Add(key);
            var fresh = ToRow(match, runId, nowMs);
            if (!stored.TryGetValue(key, out var row))
            {
                context.Matches.Add(fresh);
                created++;
                continue;
            }

            var last = LastResult(row, latestAmendments.GetValueOrDefault(row.Id));
            var finding = last.Hash == fresh.ContentHash ? EngineFinding.Unchanged : EngineFinding.Changed;
            string reason = last.CrimeVersion != fresh.CrimeVersion ? $"crime version {last.CrimeVersion} → {fresh.CrimeVersion}"
                : last.Hash is null ? "matches again"
                : fresh.ContentHash == row.ContentHash ? "evidence again as disclosed"
                : "evidence changed (new or late fixes, or parameters)";
            switch (Revise(row, finding, reason, revisions, latestAmendments))
            {
                case MatchRevision.None:
                    unchanged++;
                    break;
                case MatchRevision.ReturnToReview:
                    Remember(context, row, runId, reason, nowMs);
                    Copy(fresh, row);
                    updated++;
                    break;
                case MatchRevision.Amend:
                    context.MatchAmendments.Add(Amendment(row, fresh, revisions[^1].Amendment!.Value, runId, reason, nowMs));
                    amended++;
                    break;
                default:
                    throw new InvalidOperationException("a match the engine found is never withdrawn");
            }
        }

        foreach (var (key, row) in stored)
        {
            if (seen.Contains(key))
            {
                continue;
            }

            const string reason = "no longer matches";
            var finding = LastResult(row, latestAmendments.GetValueOrDefault(row.Id)).Hash is null ? EngineFinding.Unchanged : EngineFinding.NotFound;
            switch (Revise(row, finding, reason, revisions, latestAmendments))
            {
                case MatchRevision.Withdraw:
                    Remember(context, row, runId, reason, nowMs);
                    row.State = MatchWorkflow.Name(MatchState.Withdrawn);
                    row.Version++;
                    row.RunId = runId;
                    row.UpdatedUnixMs = nowMs;
                    withdrawn++;
                    break;
                case MatchRevision.Amend:
                    context.MatchAmendments.Add(new MatchAmendmentRow
                    {
                        MatchId = row.Id, Number = revisions[^1].Amendment!.Value, RunId = runId, AtUnixMs = nowMs, Reason = reason, Found = false,
                        CrimeVersion = LastResult(row, latestAmendments.GetValueOrDefault(row.Id)).CrimeVersion,
                    });
                    amended++;
                    break;
            }
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MatchSaveResult(created, updated, unchanged, withdrawn, amended) { Revisions = revisions };
    }

    /// <summary>
    /// Asks the workflow what to do with <paramref name="row"/> and notes the revision of any match beyond new, with the
    /// next amendment number for an amendment (a run meets each match once).
    /// </summary>
    private static MatchRevision Revise(MatchRow row, EngineFinding finding, string reason, List<RevisedMatch> revisions, Dictionary<long, MatchAmendmentRow> latest)
    {
        var state = MatchWorkflow.Parse(row.State);
        var revision = MatchWorkflow.Revise(state, finding);
        if (revision == MatchRevision.Amend)
        {
            int number = (latest.GetValueOrDefault(row.Id)?.Number ?? 0) + 1;
            revisions.Add(new RevisedMatch(row.Id, state, revision, reason, number));
        }
        else if (revision != MatchRevision.None && state != MatchState.New)
        {
            revisions.Add(new RevisedMatch(row.Id, state, revision, reason));
        }

        return revision;
    }

    /// <summary>
    /// The engine's last result for a stored match: a disclosed match's latest amendment when it has one, nothing for a
    /// withdrawn match (null hash: not found), otherwise the match itself.
    /// </summary>
    private static (string? Hash, int CrimeVersion) LastResult(MatchRow row, MatchAmendmentRow? latestAmendment) => row.State switch
    {
        Withdrawn => (null, row.CrimeVersion),
        _ when row.State == MatchWorkflow.Name(MatchState.Disclosed) && latestAmendment is not null => (latestAmendment.ContentHash, latestAmendment.CrimeVersion),
        _ => (row.ContentHash, row.CrimeVersion),
    };

    private static MatchAmendmentRow Amendment(MatchRow disclosed, MatchRow fresh, int number, Guid runId, string reason, long nowMs) => new()
    {
        MatchId = disclosed.Id,
        Number = number,
        RunId = runId,
        AtUnixMs = nowMs,
        Reason = reason,
        Found = true,
        CrimeVersion = fresh.CrimeVersion,
        Score = fresh.Score,
        Significant = fresh.Significant,
        MinDistanceMetres = fresh.MinDistanceMetres,
        ClosestTimeUnixMs = fresh.ClosestTimeUnixMs,
        MarginMetres = fresh.MarginMetres,
        DwellSeconds = fresh.DwellSeconds,
        GapSeconds = fresh.GapSeconds,
        HabitualPlace = fresh.HabitualPlace,
        FactorsJson = fresh.FactorsJson,
        EvidenceJson = fresh.EvidenceJson,
        GapsJson = fresh.GapsJson,
        ContentHash = fresh.ContentHash,
    };

    /// <inheritdoc />
    public async Task<StoredMatchDetail?> GetMatchAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var m = await context.Matches.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (m is null)
        {
            return null;
        }

        var history = await context.MatchHistory.AsNoTracking().Where(h => h.MatchId == id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        string? borough = await context.Crimes.AsNoTracking().Where(c => c.Force == m.Force && c.Reference == m.CrimeReference && c.IsCurrent)
            .Select(c => c.BoroughCode).FirstOrDefaultAsync(cancellationToken);
        var amendments = await context.MatchAmendments.AsNoTracking().Where(a => a.MatchId == id).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var summary = new StoredMatch(m.Id, m.Force, m.CrimeReference, m.CrimeVersion, m.DeviceId, m.OffenderReference, m.Score, m.Significant,
            m.MinDistanceMetres, m.ClosestTimeUnixMs, m.DwellSeconds, m.GapSeconds, m.State, m.RunId, history.Count, borough, m.Outcome, amendments.Count);
        var (factors, evidence, gaps) = MatchEvidenceJson.Normalise(m.FactorsJson, m.EvidenceJson, m.GapsJson); // rows of earlier versions are in their style
        return new StoredMatchDetail(summary, factors, evidence, gaps, m.HabitualPlace, history.Select(h => (h.ReplacedUnixMs, h.Reason, h.SnapshotJson)).ToList())
        {
            Amendments = amendments.Select(ToAmendment).ToList(),
        };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredMatch>> ListMatchesAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var history = await context.MatchHistory.GroupBy(h => h.MatchId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var amendments = await context.MatchAmendments.GroupBy(a => a.MatchId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var rows = await context.Matches.AsNoTracking().ToListAsync(cancellationToken);
        var boroughs = (await (from m in context.Matches
                               join c in context.Crimes on new { m.Force, Reference = m.CrimeReference } equals new { c.Force, c.Reference }
                               where c.IsCurrent
                               select new { m.Id, c.BoroughCode }).ToListAsync(cancellationToken)).ToDictionary(x => x.Id, x => x.BoroughCode);
        return rows
            .OrderByDescending(m => m.Significant).ThenByDescending(m => m.Score).ThenBy(m => m.CrimeReference, StringComparer.Ordinal)
            .Select(m => new StoredMatch(m.Id, m.Force, m.CrimeReference, m.CrimeVersion, m.DeviceId, m.OffenderReference, m.Score, m.Significant,
                m.MinDistanceMetres, m.ClosestTimeUnixMs, m.DwellSeconds, m.GapSeconds, m.State, m.RunId, history.GetValueOrDefault(m.Id),
                boroughs.GetValueOrDefault(m.Id), m.Outcome, amendments.GetValueOrDefault(m.Id)))
            .ToList();
    }

    /// <inheritdoc />
    public async Task<MatchReviewEntry> ReviewAsync(long matchId, MatchReviewStep step, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (string.IsNullOrWhiteSpace(step.Reason))
        {
            throw new ArgumentException("reason: every review step needs a reason.", nameof(step));
        }

        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var row = await context.Matches.SingleOrDefaultAsync(m => m.Id == matchId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no match {matchId}.");
        var from = MatchWorkflow.Parse(row.State);
        string? refusal = step.To is { } to ? MatchWorkflow.Refusal(from, to, row.Significant) : MatchWorkflow.OutcomeRefusal(from);
        if (refusal is not null)
        {
            throw new Core.NotAllowedNowException($"Match {matchId}: {refusal}.");
        }

        var entry = new MatchReviewRow
        {
            MatchId = matchId,
            AtUnixMs = at.ToUnixTimeMilliseconds(),
            Actor = step.Actor,
            ActorRole = step.ActorRole,
            FromState = row.State,
            ToState = step.To is { } state ? MatchWorkflow.Name(state) : row.State,
            Outcome = step.Outcome?.ToString(),
            Reason = step.Reason.Trim(),
            DisclosedTo = step.DisclosedTo,
        };
        context.MatchReviews.Add(entry);
        row.State = entry.ToState;
        row.Outcome = step.Outcome?.ToString() ?? row.Outcome;
        row.UpdatedUnixMs = entry.AtUnixMs;
        row.Version++; // applies only to the version read: a review or pass committed since refuses this one
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new Core.NotAllowedNowException($"Match {matchId} was changed by someone else meanwhile; reload it and try again.", ex);
        }

        await transaction.CommitAsync(cancellationToken);
        return ToEntry(entry);
    }

    /// <inheritdoc />
    public async Task<MatchAmendment> DiscloseSupplementAsync(long matchId, int number, SupplementDisclosure disclosure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disclosure);
        if (string.IsNullOrWhiteSpace(disclosure.Reason))
        {
            throw new ArgumentException("reason: a disclosure states its purpose.", nameof(disclosure));
        }

        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var state = await context.Matches.Where(m => m.Id == matchId).Select(m => m.State).SingleOrDefaultAsync(cancellationToken)
            ?? throw new KeyNotFoundException($"There is no match {matchId}.");
        var row = await context.MatchAmendments.SingleOrDefaultAsync(a => a.MatchId == matchId && a.Number == number, cancellationToken)
            ?? throw new KeyNotFoundException($"Match {matchId} has no amendment {number}.");
        if (MatchWorkflow.SupplementRefusal(MatchWorkflow.Parse(state), row.SupplementUnixMs is not null) is { } refusal)
        {
            throw new Core.NotAllowedNowException($"Match {matchId}, amendment {number}: {refusal}.");
        }

        // Written only while no supplement is recorded, so of two disclosures at once one is refused, not both recorded.
        long atMs = disclosure.At.ToUnixTimeMilliseconds();
        string reason = disclosure.Reason.Trim();
        int written = await context.MatchAmendments.Where(a => a.Id == row.Id && a.SupplementUnixMs == null).ExecuteUpdateAsync(
            u => u.SetProperty(a => a.SupplementUnixMs, atMs).SetProperty(a => a.SupplementActor, disclosure.Actor).SetProperty(a => a.SupplementActorRole, disclosure.ActorRole)
                .SetProperty(a => a.SupplementReason, reason).SetProperty(a => a.SupplementDisclosedTo, disclosure.DisclosedTo),
            cancellationToken);
        if (written == 0)
        {
            throw new Core.NotAllowedNowException($"Match {matchId}, amendment {number} was disclosed by someone else meanwhile; reload it.");
        }

        await transaction.CommitAsync(cancellationToken);
        row.SupplementUnixMs = atMs;
        row.SupplementActor = disclosure.Actor;
        row.SupplementActorRole = disclosure.ActorRole;
        row.SupplementReason = reason;
        row.SupplementDisclosedTo = disclosure.DisclosedTo;
        return ToAmendment(row);
    }

    /// <inheritdoc />
    public async Task<int> MarkInterruptedAsync(CancellationToken cancellationToken = default)
    {
        string running = StatusName(CorrelationRunStatus.Running), interrupted = StatusName(CorrelationRunStatus.Interrupted);
        await using var context = database.CreateContext();
        return await context.CorrelationRuns.Where(r => r.Status == running)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, interrupted), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long> CountRunsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.CorrelationRuns.LongCountAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CorrelationRun>> ListRunsAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.CorrelationRuns.AsNoTracking().OrderByDescending(r => r.StartedUnixMs).Take(Math.Clamp(limit, 1, 10_000)).ToListAsync(cancellationToken);
        return rows.Select(r => new CorrelationRun
        {
            Id = r.Id, Mode = r.Mode, Trigger = r.Trigger, RequestedBy = r.RequestedBy, AlgorithmVersion = r.AlgorithmVersion, ParametersJson = r.ParametersJson,
            DataFrom = Instant.FromUnixTimeMilliseconds(r.DataFromUnixMs), DataTo = Instant.FromUnixTimeMilliseconds(r.DataToUnixMs),
            Started = Instant.FromUnixTimeMilliseconds(r.StartedUnixMs), Finished = r.FinishedUnixMs is { } f ? Instant.FromUnixTimeMilliseconds(f) : null,
            Crimes = r.Crimes, Subjects = r.Subjects, Matches = r.Matches, Significant = r.Significant,
            Status = Enum.Parse<CorrelationRunStatus>(r.Status, ignoreCase: true),
        }).ToList();
    }

    /// <inheritdoc />
    public async Task<string?> RunParametersAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.CorrelationRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => r.ParametersJson).SingleOrDefaultAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MatchReviewEntry>> ReviewsAsync(long matchId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.MatchReviews.AsNoTracking().Where(r => r.MatchId == matchId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return rows.Select(ToEntry).ToList();
    }

    private static MatchAmendment ToAmendment(MatchAmendmentRow a) => new(
        a.Number, Instant.FromUnixTimeMilliseconds(a.AtUnixMs), a.RunId, a.Reason, a.Found, a.CrimeVersion, a.Score, a.Significant, a.MinDistanceMetres,
        a.ClosestTimeUnixMs, a.DwellSeconds, a.GapSeconds, a.HabitualPlace, a.FactorsJson, a.EvidenceJson, a.GapsJson,
        a.SupplementUnixMs is { } at ? new SupplementDisclosure(Instant.FromUnixTimeMilliseconds(at), a.SupplementActor!, a.SupplementActorRole!, a.SupplementReason!, a.SupplementDisclosedTo!) : null);

    private static MatchReviewEntry ToEntry(MatchReviewRow r) => new(
        Instant.FromUnixTimeMilliseconds(r.AtUnixMs), r.Actor, r.ActorRole, r.FromState, r.ToState, r.Outcome, r.Reason, r.DisclosedTo);

    private static void Remember(TagwatchDbContext context, MatchRow row, Guid runId, string reason, long nowMs) =>
        context.MatchHistory.Add(new MatchHistoryRow
        {
            MatchId = row.Id,
            RunId = runId,
            Reason = reason,
            ReplacedUnixMs = nowMs,
            SnapshotJson = JsonSerializer.Serialize(new
            {
                row.CrimeVersion, row.OffenderReference, row.RunId, row.Score, row.Significant, row.MinDistanceMetres, row.ClosestTimeUnixMs,
                row.MarginMetres, row.DwellSeconds, row.GapSeconds, row.HabitualPlace, row.State, row.UpdatedUnixMs,
                Factors = JsonDocument.Parse(row.FactorsJson).RootElement, Evidence = JsonDocument.Parse(row.EvidenceJson).RootElement, Gaps = JsonDocument.Parse(row.GapsJson).RootElement,
            }),
        });

    private static MatchRow ToRow(ScoredMatch match, Guid runId, long nowMs)
    {
        string factors = MatchEvidenceJson.Factors(match.Factors);
        string evidence = MatchEvidenceJson.Evidence(match.Evidence);
        string gaps = MatchEvidenceJson.Gaps(match.Gaps);
        return new MatchRow
        {
            Force = match.Crime.Force,
            CrimeReference = match.Crime.Reference,
            CrimeVersion = match.Crime.Version,
            DeviceId = match.Tag.Value,
            OffenderReference = match.OffenderReference,
            RunId = runId,
            Score = match.Score,
            Significant = match.Significant,
            MinDistanceMetres = match.MinDistanceMetres,
            ClosestTimeUnixMs = match.ClosestTimeUnixMs,
            MarginMetres = match.MarginMetres,
            DwellSeconds = match.DwellSeconds,
            GapSeconds = match.GapSeconds,
            HabitualPlace = match.HabitualPlace,
            FactorsJson = factors,
            EvidenceJson = evidence,
            GapsJson = gaps,
            State = New,
            ContentHash = MatchContentHash.Compute(match),
            UpdatedUnixMs = nowMs,
        };
    }

    private static void Copy(MatchRow from, MatchRow to)
    {
        to.CrimeVersion = from.CrimeVersion;
        to.OffenderReference = from.OffenderReference;
        to.RunId = from.RunId;
        to.Score = from.Score;
        to.Significant = from.Significant;
        to.MinDistanceMetres = from.MinDistanceMetres;
        to.ClosestTimeUnixMs = from.ClosestTimeUnixMs;
        to.MarginMetres = from.MarginMetres;
        to.DwellSeconds = from.DwellSeconds;
        to.GapSeconds = from.GapSeconds;
        to.HabitualPlace = from.HabitualPlace;
        to.FactorsJson = from.FactorsJson;
        to.EvidenceJson = from.EvidenceJson;
        to.GapsJson = from.GapsJson;
        to.ContentHash = from.ContentHash;
        to.State = New; // MatchRevision.ReturnToReview: changed evidence returns the match to review
        to.UpdatedUnixMs = from.UpdatedUnixMs;
        to.Version++;
    }
}
