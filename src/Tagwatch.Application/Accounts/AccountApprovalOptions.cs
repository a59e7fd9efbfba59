namespace Tagwatch.Application.Accounts;

/// <summary>Whether account changes that widen scope wait for a second administrator (four eyes on scope grants).</summary>
public sealed record AccountApprovalOptions(bool RequireSecondApproval = true);
