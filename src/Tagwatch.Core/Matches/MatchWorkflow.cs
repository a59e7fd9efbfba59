namespace Tagwatch.Core.Matches;

/// <summary>
/// The review and disclosure rules: new → qualified or dismissed (a reason always) → disclosed (significant matches
/// only) → outcomes recorded by police. A dismissal can be revisited; a withdrawn match is closed.
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

    /// <summary>The stored and displayed name of a state.</summary>
    public static string Name(MatchState state) => state.ToString().ToLowerInvariant();

    /// <summary>A stored state name back to the state.</summary>
    public static MatchState Parse(string name) => Enum.Parse<MatchState>(name, ignoreCase: true);
}
