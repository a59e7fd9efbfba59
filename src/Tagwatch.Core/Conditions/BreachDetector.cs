using NodaTime;
using Tagwatch.Core.Fixes;

namespace Tagwatch.Core.Conditions;

/// <summary>Finds the breaches of one condition in a tag's fixes, in fix-time order: a pure function, so re-running
/// it after late fixes arrive gives the corrected picture and the alert trail can be reconciled against it.</summary>
/// <remarks>
/// Only fixes inside a window of the condition's schedule, and at or after <see cref="LicenceCondition.AppliesFrom"/>,
/// are considered, and evidence does not carry from one window to the next; a breach open when its window ends ends
/// with it (<c>schedule_ended</c>). A window already running when the condition began to apply is watched from that
/// instant for violating fixes, with no start check. For a curfew, fixes before the grace period has run are not
/// evidence, and at the end of the grace period (the start check) the wearer's state is taken from the last trusted
/// fix in the look-back (<see cref="DecisionRules.CurfewStartLookback"/> before the start, up to the check): if it
/// shows them away — its whole confidence circle outside — a breach (<c>not_home_at_curfew_start</c>) begins at the
/// check, with that fix and the run of away fixes before it as evidence. A fix at home or within GPS error of it is
/// not a breach; neither is having no fix in the look-back: a breach always rests on fixes, and a tag giving no
/// positions is raised by device health (<c>no_fix</c>, <c>no_contact</c>), while fixes after the check that show the
/// wearer away raise a breach in the usual way.
/// </remarks>
public static class BreachDetector
{
    private const FixFlags Untrusted = FixFlags.Invalid | FixFlags.ZeroPosition | FixFlags.ImplausibleSpeed;
    private const int EvidenceKept = 10;

    /// <summary>Breaches of <paramref name="condition"/> shown by <paramref name="fixes"/> (sorted by time) between
    /// <paramref name="from"/> and <paramref name="until"/> (the present: curfew starts after it are not yet due).
    /// A schedule window running at <paramref name="from"/> is evaluated from its own start, so pass its fixes.</summary>
    public static IReadOnlyList<Breach> Evaluate(LicenceCondition condition, IReadOnlyList<Fix> fixes, Instant from, Instant until)
    {
        var breaches = new List<Breach>();
        var windows = Windows(condition, fixes, from, until);
        int next = 0;
        foreach (var window in windows)
        {
            // Before the condition applied there was nothing to break: such a window is watched from then on, and a
            // start that came before it is no start of this condition.
            var watchedFrom = Instant.Max(window.Start, condition.AppliesFrom);
            var state = new WindowState(condition, window, breaches);
            while (next < fixes.Count && fixes[next].Time < watchedFrom)
            {
                next++;
            }

            Instant curfewCheck = window.Start + condition.Grace;
            bool curfewChecked = condition.Kind != ConditionKind.Curfew || window.Start < condition.AppliesFrom || curfewCheck > until || curfewCheck >= window.End;
            for (; next < fixes.Count && fixes[next].Time < window.End; next++)
            {
                var fix = fixes[next];
                if (!curfewChecked && fix.Time > curfewCheck)
                {
                    state.CheckCurfewStart(curfewCheck, fixes, next);
                    curfewChecked = true;
                }

                state.Step(fix);
            }

            if (!curfewChecked)
            {
                state.CheckCurfewStart(curfewCheck, fixes, next);
            }

            state.Close(window.End <= until ? window.End : null);
        }

        return breaches;
    }

    // The schedule windows overlapping [from, until]; "always" is one window over the whole range.
    private static List<(Instant Start, Instant End)> Windows(LicenceCondition condition, IReadOnlyList<Fix> fixes, Instant from, Instant until)
    {
        if (condition.Schedule.IsAlways)
        {
            return [(Instant.Max(from, condition.AppliesFrom), Instant.MaxValue)];
        }

        // A window already running at `from` is taken whole (callers pass its fixes from its start), so a curfew's
        // start check is made where it belongs.
        var windows = new List<(Instant, Instant)>();
        if (condition.Schedule.ActiveAt(from) is { } current)
        {
            windows.Add((current.Start, current.End));
        }

        foreach (var w in condition.Schedule.StartingBetween(from, until))
        {
            if (!windows.Contains((w.Start, w.End)))
            {
                windows.Add((w.Start, w.End));
            }
        }

        windows.RemoveAll(w => w.Item2 <= condition.AppliesFrom);
        return windows;
    }

    private sealed class WindowState(LicenceCondition condition, (Instant Start, Instant End) window, List<Breach> breaches)
    {
        private readonly DecisionRules _rules = condition.Rules;
        private readonly List<BreachEvidence> _run = [];
        private Fix? _lastTrusted;
        private int _clearing;
        private Instant? _clearingStart;

        // The breach in progress: start, reason, evidence, worst distance.
        private (Instant Start, string Reason, List<BreachEvidence> Evidence, double Worst)? _open;

        public void Step(Fix fix)
        {
            if ((fix.Flags & Untrusted) != 0)
            {
                return;
            }

            if (condition.Kind == ConditionKind.Curfew && fix.Time < window.Start + condition.Grace && _open is null)
            {
                // Within the grace period lateness is allowed: these fixes only inform the start check.
                _lastTrusted = fix;
                return;
            }

            if (_lastTrusted is { } previous && fix.Time - previous.Time > _rules.MaxGap)
            {
                _run.Clear();
                _clearing = 0;
            }

            _lastTrusted = fix;
            var (wrong, accuracy, violating, compliant) = Judge(fix);
            if (_open is { } open)
            {
                if (violating && open.Evidence.Count < EvidenceKept)
                {
                    open.Evidence.Add(new BreachEvidence(fix.Time, fix.Latitude, fix.Longitude, accuracy, wrong));
                }

                if (wrong > open.Worst)
                {
                    _open = open with { Worst = wrong };
                }

                if (compliant)
                {
                    _clearingStart ??= fix.Time;
                    if (++_clearing >= _rules.ClearingFixes)
                    {
                        End(_clearingStart.Value, "compliant_fixes");
                    }
                }
                else if (violating)
                {
                    _clearing = 0;
                    _clearingStart = null;
                }

                return;
            }

            if (compliant)
            {
                _run.Clear();
                return;
            }

            if (!violating)
            {
                return; // ambiguous: neither adds to nor breaks the run
            }

            _run.Add(new BreachEvidence(fix.Time, fix.Latitude, fix.Longitude, accuracy, wrong));
            if (_run.Count >= _rules.MinViolatingFixes && _run[^1].Time - _run[0].Time >= _rules.MinDwell)
            {
                _open = (_run[0].Time, "violating_fixes", [.. _run.Take(EvidenceKept)], _run.Max(e => e.WrongSideMetres));
                _run.Clear();
                _clearing = 0;
                _clearingStart = null;
            }
        }

        // The start check at `at`: fixes[..before] are those up to it. The wearer's state then is what the last trusted
        // fix in the look-back shows; only a fix away from home (its whole confidence circle outside) starts a breach,
        // and the evidence is the run of away fixes that ends with it, newest last.
        public void CheckCurfewStart(Instant at, IReadOnlyList<Fix> fixes, int before)
        {
            if (_open is not null)
            {
                return;
            }

            var lookFrom = window.Start - _rules.CurfewStartLookback;
            var evidence = new List<BreachEvidence>();
            for (int i = before - 1; i >= 0 && fixes[i].Time >= lookFrom; i--)
            {
                var fix = fixes[i];
                if ((fix.Flags & Untrusted) != 0 || fix.Time > at)
                {
                    continue;
                }

                var (wrong, accuracy, violating, _) = Judge(fix);
                if (!violating)
                {
                    break; // at home, or within GPS error of it: not shown away
                }

                evidence.Add(new BreachEvidence(fix.Time, fix.Latitude, fix.Longitude, accuracy, wrong));
            }

            if (evidence.Count == 0)
            {
                return;
            }

            evidence.Reverse();
            if (evidence.Count > EvidenceKept)
            {
                evidence.RemoveRange(0, evidence.Count - EvidenceKept);
            }

            _open = (at, "not_home_at_curfew_start", evidence, evidence.Max(e => e.WrongSideMetres));
            _clearing = 0;
            _clearingStart = null;
        }

        public void Close(Instant? windowEnd)
        {
            if (_open is { } open)
            {
                breaches.Add(new Breach(condition.Id, open.Start, windowEnd, open.Reason, windowEnd is null ? null : "schedule_ended", open.Evidence, open.Worst));
                _open = null;
            }
        }

        private void End(Instant at, string reason)
        {
            var open = _open!.Value;
            breaches.Add(new Breach(condition.Id, open.Start, at, open.Reason, reason, open.Evidence, open.Worst));
            _open = null;
            _clearing = 0;
            _clearingStart = null;
        }

        private (double Wrong, double Accuracy, bool Violating, bool Compliant) Judge(Fix fix)
        {
            double wrong = condition.WrongSideMetres(fix.Position);
            double accuracy = fix.AccuracyMetres ?? _rules.AssumedAccuracyMetres;
            return (wrong, accuracy, wrong > accuracy, wrong <= -_rules.HysteresisMetres);
        }
    }
}
