namespace Tagwatch.Core.Matches;

/// <summary>
/// The review and disclosure rules: new → qualified or dismissed (a reason always) → disclosed (significant matches
/// only) → outcomes recorded by police. A dismissal can be revisited; a withdrawn match is closed. A disclosure is final:
/// what the police hold is never changed or taken back by the engine (see <see cref="Revise"/>).
/// </summary>
public static class MatchWorkflow
{
    /// <summary>Why a step is not allowed now, or null when it is.</summary>
    public static string? Refusal(MatchState from, MatchState to, bool significant) => (from, to) switch
    {
        (MatchState.New or MatchState.Dismissed, MatchState.Qualified) => null,
        (MatchState.New or MatchState.Qualified, MatchState.Dismissed) => null,
        (MatchState.Qualified, MatchState.Disclosed) when significant => null,
        (MatchState.Qualified, MatchState.Disclosed) => "only significant matches are disclosed to police",
        (MatchState.Withdrawn, _) => "the match was withdrawn: the engine no longer finds it",
        _ => $"a {Name(from)} match cannot become {Name(to)}",
    };

    /// <summary>Why an outcome cannot be recorded now, or null when it can.</summary>
    public static string? OutcomeRefusal(MatchState state) =>
        state == MatchState.Disclosed ? null : $"outcomes are recorded on disclosed matches; this one is {Name(state)}";

    /// <summary>
    /// What happens to a stored match in <paramref name="state"/> when a correlation run gives <paramref name="finding"/> for it.
    /// </summary>
    /// <remarks>
    /// A match not yet disclosed follows the engine: changed evidence returns it to review (a qualification or dismissal
    /// was a judgement on the old evidence), and one the engine no longer finds is withdrawn; a withdrawn match found
    /// again returns to review. A disclosed match never changes state or evidence: the police hold the pack and may
    /// have acted on it, so any later result — changed evidence or no match at all — is recorded as an amendment for a
    /// reviewer to see and, if it matters, disclose as a supplement.
    /// </remarks>
    public static MatchRevision Revise(MatchState state, EngineFinding finding) => (state, finding) switch
    {
        (_, EngineFinding.Unchanged) => MatchRevision.None,
        (MatchState.Disclosed, _) => MatchRevision.Amend,
        (MatchState.Withdrawn, EngineFinding.NotFound) => MatchRevision.None,
        (_, EngineFinding.Changed) => MatchRevision.ReturnToReview,
        (_, EngineFinding.NotFound) => MatchRevision.Withdraw,
        _ => throw new ArgumentOutOfRangeException(nameof(finding), finding, "not a finding"),
    };

    /// <summary>Why a supplement (an amendment of a disclosed match) cannot be disclosed now, or null when it can.</summary>
    /// <param name="state">The match's state.</param>
    /// <param name="alreadyDisclosed">Whether this amendment was already disclosed as a supplement.</param>
    public static string? SupplementRefusal(MatchState state, bool alreadyDisclosed) =>
        state != MatchState.Disclosed ? $"supplements are disclosed for disclosed matches; this one is {Name(state)}"
        : alreadyDisclosed ? "this amendment was already disclosed as a supplement"
        : null;

    /// <summary>The stored and displayed name of a state.</summary>
    public static string Name(MatchState state) => state.ToString().ToLowerInvariant();

    /// <summary>A stored state name back to the state.</summary>
    public static MatchState Parse(string name) => Enum.Parse<MatchState>(name, ignoreCase: true);
}
