namespace Tagwatch.Application.Accounts;

/// <summary>What became of a submitted change: made at once (<see cref="Result"/>), or waiting for approval (<see cref="PendingId"/>).</summary>
public sealed record AccountChangeSubmission(AccountChangeResult? Result, long? PendingId)
{
    /// <summary>True when the change waits for a second administrator.</summary>
    public bool IsPending => PendingId is not null;
}
