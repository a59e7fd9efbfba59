namespace Tagwatch.Storage.Model;

/// <summary>A probation officer's opt-in to notices of their caseload's alerts, with the address they gave.</summary>
public sealed class CaseloadSubscriptionRow
{
    public required string Username { get; set; }

    public required string Email { get; set; }

    public long SinceUnixMs { get; set; }
}
