namespace Tagwatch.Core.Matches;

/// <summary>What a store does to a stored match when the engine's result for it changes (see <see cref="MatchWorkflow.Revise"/>).</summary>
public enum MatchRevision
{
    /// <summary>Nothing: the match stays as it is.</summary>
    None,

    /// <summary>The new result replaces the stored one and the match returns to review (<see cref="MatchState.New"/>);
    /// the replaced result and state are kept in the match's history.</summary>
    ReturnToReview,

    /// <summary>The match becomes <see cref="MatchState.Withdrawn"/>; its last result and state are kept in its history.</summary>
    Withdraw,

    /// <summary>The match keeps its state and the evidence as disclosed; the new result (or the engine no longer finding
    /// it) is recorded beside it as an amendment, which a reviewer may disclose as a supplement.</summary>
    Amend,
}
