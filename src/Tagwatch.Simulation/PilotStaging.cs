using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.Offenders;
using Tagwatch.Core.Access;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Matches;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Simulation;

/// <summary>Gives a loaded pilot in the present the working state of a running scheme, so that every role has something
/// real to do: the licence conditions set on release, the alerts its history raised (those dealt with resolved, the
/// last days' still open), a correlation run with significant matches awaiting review, and one match carried through
/// review and disclosure to a police outcome.</summary>
/// <remarks>
/// The services must run on <paramref name="clock"/>: it is held at the times each step would have happened (a condition
/// set on the day of release, the monitoring centre evaluating each day as it ended, an operator resolving an alert
/// hours after it ended), then released to the present for the correlation run and the review.
/// </remarks>
public sealed class PilotStaging(
    IOffenderStore offenders,
    IConditionStore conditions,
    LicenceMonitor monitor,
    IAlertStore alerts,
    AlertDesk desk,
    ScoredCorrelation correlation,
    ICorrelationStore matches,
    MatchReview review,
    ReplayClock clock)
{
    /// <summary>Alerts whose breach ended within this long before the present are left open for the monitoring officer.</summary>
    public static readonly Duration LeftOpen = Duration.FromDays(2);

    /// <summary>However quiet the last days were, this many of the latest alerts are left open.</summary>
    public const int LatestLeftOpen = 5;

    /// <summary>What staging did.</summary>
    /// <param name="Conditions">Licence conditions set.</param>
    /// <param name="OpenAlerts">Alerts open at the end (awaiting the monitoring officer).</param>
    /// <param name="ResolvedAlerts">Older alerts resolved in the history.</param>
    /// <param name="Correlation">The correlation run.</param>
    /// <param name="AwaitingReview">Significant matches awaiting a reviewer.</param>
    /// <param name="Disclosed">The match disclosed with a police outcome, when there was a significant one to disclose.</param>
    public sealed record Summary(int Conditions, int OpenAlerts, int ResolvedAlerts, ScoredCorrelation.Outcome Correlation, int AwaitingReview, StoredMatch? Disclosed);

    /// <summary>Stages the pilot, which <see cref="SimulationLoader"/> has loaded.</summary>
    /// <exception cref="ArgumentException">The pilot is not dated to the present (<see cref="SimulationOptions.Until"/>).</exception>
    public async Task<Summary> StageAsync(PilotSimulation pilot, CancellationToken cancellationToken = default)
    {
        if (pilot.Options.Until is null)
        {
            throw new ArgumentException("Only a pilot in the present is staged: its history must end now.", nameof(pilot));
        }

        var uk = DateTimeZoneProviders.Tzdb["Europe/London"];
        var tags = pilot.Offenders.ToDictionary(o => o.Reference, o => o.Tag);
        var worn = new HashSet<Core.Identity.TagId>();
        // Conditions end with the licence: (condition, tag, when), for the people whose licence ended in the history.
        var ending = new List<(long Id, Core.Identity.TagId Tag, Instant At)>();
        int set = 0;
        try
        {
            foreach (var condition in pilot.Conditions)
            {
                if (await offenders.FindAsync(condition.Offender, cancellationToken) is not { } person)
                {
                    continue; // refused at enrolment
                }

                // Conditions are set when the licence starts, by the supervising probation officer.
                clock.Hold(person.LicenceStart.AtStartOfDayInZone(uk).ToInstant());
                var added = await conditions.AddAsync(
                    new LicenceCondition(0, person.Id, condition.Kind, condition.Area, condition.Schedule, condition.Grace, new DecisionRules(), condition.Label),
                    0,
                    "demo.probation",
                    cancellationToken);
                worn.Add(tags[condition.Offender]);
                var end = person.MonitoringEnd.PlusDays(1).AtStartOfDayInZone(uk).ToInstant();
                if (end < pilot.HistoryEnd)
                {
                    ending.Add((added.Id, tags[condition.Offender], end));
                }

                set++;
            }

            // The monitoring centre evaluates each day's fixes as the day ends (and the last, partial day now).
            monitor.InvalidateCaches();
            for (var day = pilot.HistoryStart; day < pilot.HistoryEnd; day += Duration.FromDays(1))
            {
                var until = Instant.Min(day + Duration.FromDays(1), pilot.HistoryEnd);
                foreach (var (id, tag, at) in ending.Where(e => e.At <= until).ToList())
                {
                    // The last day under the condition is evaluated before it ends.
                    clock.Hold(at);
                    await monitor.EvaluateTagAsync(tag, day, cancellationToken);
                    await conditions.EndAsync(id, "demo.probation", cancellationToken);
                    ending.RemoveAll(e => e.Id == id);
                    if (!ending.Any(e => e.Tag == tag))
                    {
                        worn.Remove(tag);
                    }
                }

                monitor.InvalidateCaches();
                clock.Hold(until);
                foreach (var tag in worn)
                {
                    await monitor.EvaluateTagAsync(tag, day, cancellationToken);
                }
            }

            int resolved = await ResolveOlderAlertsAsync(pilot.HistoryEnd, cancellationToken);
            clock.Release();
            int open = (await alerts.ListAsync(AlertQuery.AllIn(AlertState.Open), cancellationToken)).Count;

            var run = await correlation.RunAsync(new ScoringParameters(), allTags: false, "automatic", "demo", cancellationToken: cancellationToken);
            var significant = (await matches.ListMatchesAsync(cancellationToken))
                .Where(m => m.Significant && StateOf(m) == MatchState.New)
                .OrderByDescending(m => m.Score)
                .ToList();
            // Disclosed to the police of a scheme borough (people travel, but the demo's police account serves one of them).
            var disclosed = significant.FirstOrDefault(m => MatchReview.Recipient(m) is not null && pilot.Scheme.BoroughCodes.Contains(m.BoroughCode!, StringComparer.OrdinalIgnoreCase))
                ?? significant.FirstOrDefault(m => MatchReview.Recipient(m) is not null);
            if (disclosed is not null)
            {
                await DiscloseAsync(disclosed.Id, cancellationToken);
                disclosed = (await matches.GetMatchAsync(disclosed.Id, cancellationToken))!.Match;
            }

            return new Summary(set, open, resolved, run, significant.Count - (disclosed is null ? 0 : 1), disclosed);
        }
        finally
        {
            clock.Release();
        }
    }

    private async Task<int> ResolveOlderAlertsAsync(Instant now, CancellationToken cancellationToken)
    {
        int resolved = 0;
        var older = (await alerts.ListAsync(AlertQuery.AllIn(AlertState.Open), cancellationToken))
            .Where(a => a.End is { } end && end <= now - LeftOpen)
            .OrderByDescending(a => a.End)
            .Skip(LatestLeftOpen);
        foreach (var alert in older)
        {
            var end = alert.End!.Value;

            // An operator takes it within the hour of its ending (or raising) and closes it after speaking to the wearer.
            var taken = Instant.Max(end, alert.Raised) + Duration.FromMinutes(20 + (alert.Id * 7 % 40));
            clock.Hold(taken);
            await desk.AcknowledgeAsync(alert.Id, "demo.monitor", "calling the wearer", cancellationToken);
            clock.Hold(taken + Duration.FromMinutes(25));
            await desk.ResolveAsync(alert.Id, "demo.monitor", "spoke to the wearer; explanation recorded and passed to the probation officer", cancellationToken);
            resolved++;
        }

        return resolved;
    }

    private async Task DiscloseAsync(long id, CancellationToken cancellationToken)
    {
        string reviewer = Role.MatchReviewer.ToString(), police = Role.Police.ToString();
        await review.DecideAsync(id, MatchState.Qualified, "placed at the scene through the committed window; no regular reason to be there", "demo.reviewer", reviewer, cancellationToken);
        await review.DecideAsync(id, MatchState.Disclosed, "investigation of the offence: identifying people present at the scene", "demo.reviewer", reviewer, cancellationToken);
        await review.RecordOutcomeAsync(id, PoliceOutcome.Eliminated, "interviewed; CCTV shows the wearer across the road, not involved", "demo.police", police, cancellationToken);
    }

    private static MatchState? StateOf(StoredMatch match) =>
        Enum.TryParse<MatchState>(match.State, ignoreCase: true, out var state) ? state : null;
}
