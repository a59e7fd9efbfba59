using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tagwatch.Application.Fixes;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Tags;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Conditions;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;

namespace Tagwatch.Application.Monitoring;

/// <summary>Watches licence conditions and device health and keeps the alerts in step with the evidence.</summary>
/// <remarks>
/// Location conditions are re-evaluated from the stored fixes (in fix-time order) whenever fixes arrive for a tag —
/// late ones included — over a window reaching back past the new fixes and any breach still open; the breaches found
/// are reconciled with the condition's alerts: a new breach raises an alert (unless the condition is suspended then),
/// a changed one is amended, an ended one is marked ended, and an alert the evidence no longer supports is withdrawn —
/// each step on the alert's trail. Device events raise health alerts at once; repeats of an ongoing one are folded
/// into it. Silence (no contact, no fix) and curfew start checks are found by <see cref="TickAsync"/>.
/// Each look-then-open on one tag (a condition's evaluation, a health alert raised or ended) holds that tag's lock
/// (<see cref="ITagMonitoringLocks"/>), so the monitors of several server nodes never open the same alert twice.
/// Not thread-safe: one worker drives it.
/// </remarks>
public sealed partial class LicenceMonitor(
    IConditionStore conditions,
    IAlertStore alerts,
    IFixStore fixes,
    ITagDirectory tags,
    IIngestStore ingest,
    ITagMonitoringLocks locks,
    MonitoringOptions options,
    TimeProvider clock,
    ILogger<LicenceMonitor> logger)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    // Who wears what and which conditions are in force change rarely; they are re-read at most every CacheFor, so a
    // fix from an unworn tag costs nothing and a worn one only its own evaluation. A change is seen within CacheFor.
    private static readonly Duration CacheFor = Duration.FromSeconds(10);
    private IReadOnlyList<TagAssignment>? _assignments;
    private Dictionary<OffenderId, IReadOnlyList<LicenceCondition>>? _conditions;
    private Instant _cachedAt;

    // Health alerts that are open and not ended, by tag and type: a contact ends one only if there is one, so the
    // steady stream of contacts from healthy tags costs no queries. Reloaded on every tick.
    private HashSet<(TagId Tag, AlertKind Type)>? _ongoingHealth;
    private Instant? _lastTick;

    /// <summary>Alerts raised, amended or withdrawn, in order: the stream live views subscribe to.</summary>
    public event Action<Alert, string>? AlertChanged;

    /// <summary>Re-evaluates the location conditions of whoever wore <paramref name="tag"/> while monitored, from
    /// <paramref name="from"/> on.</summary>
    /// <remarks>Each monitored wearing period of the tag since then is evaluated on its own fixes only: late fixes from
    /// before monitoring ended still count against the person, and fixes after it against no one.</remarks>
    public async Task EvaluateTagAsync(TagId tag, Instant from, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var since = from - options.Lookback;
        await RefreshAsync(now, cancellationToken);
        foreach (var worn in _assignments!.Where(a => a.Tag == tag && a.From <= now && (a.To is null || a.To > since)).ToList())
        {
            var until = worn.To is { } end && end < now ? end : now;
            foreach (var condition in _conditions!.GetValueOrDefault(worn.Offender) ?? [])
            {
                await EvaluateConditionAsync(tag, worn.Offender, condition, Instant.Max(since, worn.From), now, cancellationToken, until);
            }
        }
    }

    /// <summary>Forgets cached assignments, conditions and open health alerts, so changes just made (here or by another
    /// server node) are used at once.</summary>
    public void InvalidateCaches()
    {
        _assignments = null;
        _ongoingHealth = null;
    }

    private async Task RefreshAsync(Instant now, CancellationToken cancellationToken)
    {
        if (_assignments is not null && _conditions is not null && now - _cachedAt < CacheFor && now >= _cachedAt)
        {
            return;
        }

        _assignments = await tags.MonitoredAssignmentsAsync(cancellationToken); // a tag is watched only while its wearer is monitored
        _conditions = (await conditions.ActiveAsync(null, cancellationToken)).GroupBy(c => c.Offender).ToDictionary(g => g.Key, g => (IReadOnlyList<LicenceCondition>)[.. g]);
        _cachedAt = now;
    }

    /// <summary>Raises or folds device-health alerts for events and contacts just committed.</summary>
    public async Task OnDeviceReportsAsync(IReadOnlyList<DeviceEventRecord> events, IReadOnlyCollection<DeviceContact> contacts, CancellationToken cancellationToken = default)
    {
        foreach (var e in events)
        {
            if (AlertKind.ForDeviceEvent(e.Kind) is not { } kind)
            {
                continue;
            }

            await RaiseOrRepeatAsync(e.Tag, kind, e.Time, $"device reported {e.Kind.Replace('_', ' ')}", JsonSerializer.Serialize(new { e.Kind, time = e.Time.ToString(), received = e.Received.ToString() }, Json), cancellationToken);
        }

        foreach (var contact in contacts)
        {
            await EndAsync(contact.Tag, AlertKind.NoContact, contact.LastContact, "back in contact", cancellationToken);
            if (contact.LastFix is { } fix && Now - fix < options.NoFixAfter)
            {
                await EndAsync(contact.Tag, AlertKind.NoFix, fix, "fixes resumed", cancellationToken);
            }

            if (contact.BatteryPercent is { } battery && battery <= options.LowBatteryPercent && contact.Charging != true)
            {
                bool critical = battery <= options.CriticalBatteryPercent;
                await RaiseOrRepeatAsync(
                    contact.Tag,
                    critical ? AlertKind.CriticalBattery : AlertKind.LowBattery,
                    contact.LastContact,
                    string.Create(CultureInfo.InvariantCulture, $"battery at {battery}%"),
                    JsonSerializer.Serialize(new { battery_percent = battery }, Json),
                    cancellationToken,
                    repeat: false);
            }
            else if (contact.Charging == true || contact.BatteryPercent >= options.BatteryRecoveredPercent)
            {
                string reason = contact.Charging == true ? "charging" : $"battery at {contact.BatteryPercent}%";
                await EndAsync(contact.Tag, AlertKind.LowBattery, contact.LastContact, reason, cancellationToken);
                await EndAsync(contact.Tag, AlertKind.CriticalBattery, contact.LastContact, reason, cancellationToken);
            }
        }
    }

    /// <summary>Finds silence (no contact, no fix) on worn tags and runs curfew start checks that have come due.</summary>
    public async Task TickAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var since = _lastTick ?? now - Duration.FromHours(1);
        _lastTick = now;
        InvalidateCaches();
        await RefreshAsync(now, cancellationToken);
        var open = await alerts.ListAsync(AlertQuery.AllIn(AlertState.Open, AlertState.Acknowledged), cancellationToken);
        _ongoingHealth = OngoingHealth(await EndAlertsOfEndedMonitoringAsync(open, now, cancellationToken));
        var wornSince = _assignments!.Where(a => a.Covers(now)).ToDictionary(a => a.Tag, a => a.From);
        var worn = _assignments!.Where(a => a.Covers(now)).ToDictionary(a => a.Tag, a => a.Offender);
        foreach (var contact in await ingest.StaleContactsAsync(now - options.NoContactAfter, now - options.NoFixAfter, cancellationToken))
        {
            if (!worn.ContainsKey(contact.Tag))
            {
                continue;
            }

            if (now - contact.LastContact >= options.NoContactAfter)
            {
                await RaiseOrRepeatAsync(contact.Tag, AlertKind.NoContact, contact.LastContact, $"no contact since {contact.LastContact}", "{}", cancellationToken, repeat: false, wornAt: now);
            }
            else
            {
                // A tag that has never fixed is judged from when it was fitted, not from the moment it was first heard.
                var since2 = contact.LastFix ?? wornSince[contact.Tag];
                if (now - since2 >= options.NoFixAfter)
                {
                    await RaiseOrRepeatAsync(contact.Tag, AlertKind.NoFix, since2, $"unable to monitor: in contact but no position since {since2}", "{}", cancellationToken, repeat: false);
                }
            }
        }

        // Curfews whose start check (start + grace) fell since the last tick are evaluated now, fixes or not.
        var wearers = worn.GroupBy(w => w.Value).ToDictionary(g => g.Key, g => g.First().Key);
        foreach (var curfew in _conditions!.Values.SelectMany(c => c).Where(c => c.Kind == ConditionKind.Curfew))
        {
            if (!wearers.TryGetValue(curfew.Offender, out var tag))
            {
                continue;
            }

            foreach (var window in curfew.Schedule.StartingBetween(since - curfew.Grace, now - curfew.Grace))
            {
                await EvaluateConditionAsync(tag, curfew.Offender, curfew, window.Start, now, cancellationToken);
            }
        }
    }

    /// <param name="until">Where the fixes evaluated end: now, or the end of a monitored wearing period that is over.</param>
    private async Task EvaluateConditionAsync(TagId tag, OffenderId wearer, LicenceCondition condition, Instant from, Instant now, CancellationToken cancellationToken, Instant? until = null)
    {
        await using var held = await locks.HoldAsync(tag, cancellationToken);
        var start = from;
        var existing = await alerts.ForConditionAsync(condition.Id, start, cancellationToken);
        foreach (var alert in existing.Where(a => a.End is null || a.End >= start))
        {
            start = Instant.Min(start, alert.Start);
        }

        if (!condition.Schedule.IsAlways && condition.Schedule.ActiveAt(start) is { } window)
        {
            start = Instant.Min(start, window.Start);
        }

        // A curfew's start check looks at the fixes just before the start; only fixes from while this person wore the
        // tag (and was monitored) are theirs.
        var readFrom = condition.Kind == ConditionKind.Curfew ? start - condition.Rules.CurfewStartLookback : start;
        var worn = _assignments!.Where(a => a.Tag == tag && a.Offender == wearer).ToList();
        var trail = (await fixes.ReadAsync(tag, readFrom, until ?? now, cancellationToken)).Where(f => worn.Exists(a => a.Covers(f.Time))).ToList();
        var breaches = BreachDetector.Evaluate(condition, trail, start, until ?? now);
        var suspensions = await conditions.SuspensionsAsync(condition.Id, cancellationToken);
        var unmatched = existing.Where(a => a.Start >= start || a.End is null || a.End >= start).ToList();
        foreach (var breach in breaches)
        {
            var match = unmatched.FirstOrDefault(a => Overlaps(a, breach));
            if (match is null)
            {
                if (suspensions.Any(s => s.Contains(breach.Start)))
                {
                    LogSuppressed(condition.Id, breach.Start);
                    continue;
                }

                var raised = await alerts.RaiseAsync(ToAlert(tag, wearer, condition, breach, now), breach.Reason.Replace('_', ' '), cancellationToken);
                LogRaised(raised.Id, raised.Type.Name, tag.Value);
                AlertChanged?.Invoke(raised, "raised");
                continue;
            }

            unmatched.Remove(match);
            // Only a changed interval is news for the trail; evidence accumulating in an ongoing breach is not.
            if (match.Start != breach.Start || match.End != breach.End)
            {
                string action = match.End is null && breach.End is not null && match.Start == breach.Start ? "ended" : "amended";
                string note = action == "ended"
                    ? $"breach ended {breach.End}: {breach.EndReason?.Replace('_', ' ')}"
                    : $"evidence changed: {match.Start}–{match.End?.ToString() ?? "ongoing"} is now {breach.Start}–{breach.End?.ToString() ?? "ongoing"}";
                var updated = await ChangeAsync(
                    match, a => a with { Start = breach.Start, End = breach.End, EvidenceJson = Evidence(breach), Summary = Summary(condition, breach) }, new AlertHistoryEntry(now, action, "system", note), cancellationToken);
                AlertChanged?.Invoke(updated, action);
            }
        }

        foreach (var stale in unmatched)
        {
            var withdrawn = await ChangeAsync(stale, a => a with { State = AlertState.Withdrawn }, new AlertHistoryEntry(now, "withdrawn", "system", "re-evaluation with later-arriving fixes shows no breach"), cancellationToken);
            AlertChanged?.Invoke(withdrawn, "withdrawn");
        }
    }

    private async Task RaiseOrRepeatAsync(TagId tag, AlertKind type, Instant start, string summary, string evidence, CancellationToken cancellationToken, bool repeat = true, Instant? wornAt = null)
    {
        // A tag nobody monitored wears then (in stock, or still reporting after monitoring ended) is device data only.
        if (await WearerAsync(tag, wornAt ?? start, cancellationToken) is not { } wearer)
        {
            return;
        }

        await using var held = await locks.HoldAsync(tag, cancellationToken);
        var ongoing = await alerts.OngoingAsync(tag, type, cancellationToken);
        if (ongoing is not null)
        {
            if (repeat)
            {
                await ChangeAsync(ongoing, a => a with { Repeats = a.Repeats + 1 }, new AlertHistoryEntry(Now, "repeated", "system", summary), cancellationToken);
            }

            return;
        }

        var raised = await alerts.RaiseAsync(new Alert(0, type, type.Severity, AlertState.Open, tag, wearer, null, start, null, Now, summary, evidence, 0), summary, cancellationToken);
        _ongoingHealth?.Add((tag, type));
        LogRaised(raised.Id, type.Name, tag.Value);
        AlertChanged?.Invoke(raised, "raised");
    }

    private async Task EndAsync(TagId tag, AlertKind type, Instant at, string reason, CancellationToken cancellationToken)
    {
        _ongoingHealth ??= await LoadOngoingHealthAsync(cancellationToken);
        if (!_ongoingHealth.Remove((tag, type)))
        {
            return;
        }

        await using var held = await locks.HoldAsync(tag, cancellationToken);
        if (await alerts.OngoingAsync(tag, type, cancellationToken) is { } ongoing)
        {
            var ended = await ChangeAsync(ongoing, a => a with { End = at }, new AlertHistoryEntry(Now, "ended", "system", reason), cancellationToken);
            AlertChanged?.Invoke(ended, "ended");
        }
    }

    /// <summary>
    /// Ends every alert still ongoing for someone who no longer wears the tag as a monitored person, at the end of their
    /// last monitored wearing period: what the tag shows afterwards is nobody's, so a breach or a silence cannot go on
    /// being theirs. The alert stays in the queue for the monitoring officer to resolve. Returns the open alerts as they
    /// are afterwards.
    /// </summary>
    private async Task<IReadOnlyList<Alert>> EndAlertsOfEndedMonitoringAsync(IReadOnlyList<Alert> open, Instant now, CancellationToken cancellationToken)
    {
        var after = new List<Alert>(open.Count);
        foreach (var alert in open)
        {
            if (alert.End is not null || alert.Offender is not { } wearer)
            {
                after.Add(alert);
                continue;
            }

            var periods = _assignments!.Where(a => a.Tag == alert.Tag && a.Offender == wearer).ToList();
            if (periods.Exists(a => a.Covers(now)))
            {
                after.Add(alert);
                continue;
            }

            var lastWorn = periods.Where(a => a.To is not null).Select(a => a.To!.Value).DefaultIfEmpty(now).Max();
            var ended = await ChangeAsync(
                alert, a => a with { End = Instant.Max(a.Start, Instant.Min(lastWorn, now)) }, new AlertHistoryEntry(Now, "ended", "system", "monitoring ended: the tag is no longer theirs"), cancellationToken);
            AlertChanged?.Invoke(ended, "ended");
            after.Add(ended);
        }

        return after;
    }

    /// <summary>
    /// Makes <paramref name="change"/> to the alert as stored: when someone changed it since <paramref name="read"/>
    /// (an operator acknowledged it, say), the change is made again on the alert as it is now, so neither is lost.
    /// Returns the alert as changed.
    /// </summary>
    private async Task<Alert> ChangeAsync(Alert read, Func<Alert, Alert> change, AlertHistoryEntry entry, CancellationToken cancellationToken)
    {
        var current = read;
        for (int attempt = 1; ; attempt++)
        {
            var changed = change(current);
            try
            {
                await alerts.UpdateAsync(changed, entry, cancellationToken);
                return changed with { Version = changed.Version + 1 };
            }
            catch (Core.NotAllowedNowException) when (attempt < 5)
            {
                current = await alerts.FindAsync(read.Id, cancellationToken) ?? throw new KeyNotFoundException($"Alert {read.Id} is gone.");
            }
        }
    }

    private async Task<HashSet<(TagId, AlertKind)>> LoadOngoingHealthAsync(CancellationToken cancellationToken) =>
        OngoingHealth(await alerts.ListAsync(AlertQuery.AllIn(AlertState.Open, AlertState.Acknowledged), cancellationToken));

    private static HashSet<(TagId, AlertKind)> OngoingHealth(IEnumerable<Alert> open) =>
        [.. open.Where(a => a.End is null && a.ConditionId is null).Select(a => (a.Tag, a.Type))];

    private async Task<OffenderId?> WearerAsync(TagId tag, Instant at, CancellationToken cancellationToken)
    {
        await RefreshAsync(Now, cancellationToken);
        return _assignments!.LastOrDefault(a => a.Tag == tag && a.Covers(at))?.Offender;
    }

    private static bool Overlaps(Alert alert, Breach breach) =>
        (alert.Start < (breach.End ?? Instant.MaxValue) && breach.Start < (alert.End ?? Instant.MaxValue)) || alert.Start == breach.Start;

    private static Alert ToAlert(TagId tag, OffenderId wearer, LicenceCondition condition, Breach breach, Instant now) => new(
        0,
        AlertKind.ForCondition(condition.Kind),
        AlertKind.ForCondition(condition.Kind).Severity,
        AlertState.Open,
        tag,
        wearer,
        condition.Id,
        breach.Start,
        breach.End,
        now,
        Summary(condition, breach),
        Evidence(breach),
        0);

    private static string Summary(LicenceCondition condition, Breach breach) =>
        $"{condition.Kind.ToString().ToLowerInvariant()} '{condition.Label}': {breach.Reason.Replace('_', ' ')}";

    private static string Evidence(Breach breach) => JsonSerializer.Serialize(
        new
        {
            reason = breach.Reason,
            end_reason = breach.EndReason,
            worst_m = Math.Round(breach.WorstMetres, 1),
            fixes = breach.Evidence.Select(e => new { time = e.Time.ToString(), lat = e.Latitude, lon = e.Longitude, accuracy_m = e.AccuracyMetres, wrong_side_m = Math.Round(e.WrongSideMetres, 1) }),
        },
        Json);

    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} raised: {Type} on tag {Tag}")]
    private partial void LogRaised(long alertId, string type, string tag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Breach of condition {ConditionId} at {Start} falls in a suspension window; no alert")]
    private partial void LogSuppressed(long conditionId, Instant start);
}
