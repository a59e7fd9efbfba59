namespace Tagwatch.Application.Notifications;

/// <summary>What one check of unacknowledged alerts did.</summary>
/// <param name="Sent">Notices the mail server took.</param>
/// <param name="Failed">Notices that could not be sent (recorded, retried at the next check).</param>
public sealed record EscalationPass(int Sent, int Failed);
