using Microsoft.Extensions.Logging;
using NodaTime;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Access;
using Tagwatch.Core.Alerts;

namespace Tagwatch.Application.Notifications;

/// <summary>
/// The escalation rule, run at every check: an open alert at or above <see cref="NotificationOptions.MinimumSeverity"/>
/// that has waited <see cref="NotificationOptions.NotifyAfterMinutes"/> is sent to the on-call officer and to every
/// opted-in probation officer whose caseload holds the person; after <see cref="NotificationOptions.EscalateAfterMinutes"/>
/// it is escalated. An acknowledged (or resolved, withdrawn) alert is never notified.
/// </summary>
/// <remarks>
/// Each notice is recorded before it is sent and updated after, so every attempt is kept and a notice already sent
/// is never sent again, across restarts. A failed send is retried at the next check while the alert stays open; so
/// is one left pending by a server that stopped mid-send, which may then arrive twice rather than never.
/// Not thread-safe: one check at a time (the server's worker).
/// </remarks>
public sealed partial class AlertEscalation(
    NotificationOptions options,
    IAlertStore alerts,
    AlertVisibility visibility,
    INotificationStore notifications,
    ICaseloadSubscriptions subscriptions,
    IUserAccounts accounts,
    INotificationSender sender,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<AlertEscalation> logger)
{
    /// <summary>The most open alerts one check looks at (newest first).</summary>
    public const int MaxOpenAlerts = 10_000;

    /// <summary>Sends the notices due now; returns what was sent and what failed.</summary>
    public async Task<EscalationPass> RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return new EscalationPass(0, 0);
        }

        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var notifyAfter = Duration.FromMinutes(options.NotifyAfterMinutes);
        var due = (await alerts.ListAsync(new AlertQuery([AlertState.Open], Limit: MaxOpenAlerts), cancellationToken))
            .Where(a => a.Severity >= options.MinimumSeverity && now - a.Raised >= notifyAfter)
            .ToList();
        if (due.Count == 0)
        {
            return new EscalationPass(0, 0);
        }

        var references = await visibility.ReferencesAsync(cancellationToken);
        var officers = await SubscribedOfficersAsync(cancellationToken);
        var recorded = (await notifications.ForAlertsAsync([.. due.Select(a => a.Id)], cancellationToken))
            .ToDictionary(n => (n.AlertId, n.Stage, n.Recipient));
        int sent = 0, failed = 0;
        foreach (var alert in due)
        {
            string? reference = alert.Offender is { } id && references.TryGetValue(id, out var r) ? r.ToString() : null;
            foreach (var (stage, recipient, user) in Recipients(alert, reference, officers, now))
            {
                var notice = recorded.GetValueOrDefault((alert.Id, stage, recipient))
                    ?? await notifications.RecordAsync(
                        new Notification(0, alert.Id, stage, recipient, user, alert.Type, alert.Severity, alert.Raised, reference, NotificationStatus.Pending, 0, now, null, null),
                        cancellationToken);
                if (notice.Status == NotificationStatus.Sent)
                {
                    continue;
                }

                if (await SendAsync(notice, now, cancellationToken))
                {
                    sent++;
                }
                else
                {
                    failed++;
                }
            }
        }

        return new EscalationPass(sent, failed);
    }

    private IEnumerable<(NotificationStage Stage, string Recipient, string? User)> Recipients(
        Alert alert, string? reference, IReadOnlyList<(string Username, string Email, IReadOnlySet<string> Caseload)> officers, Instant now)
    {
        yield return (NotificationStage.OnCall, options.OnCallAddress, null);
        if (reference is not null)
        {
            foreach (var officer in officers.Where(o => o.Caseload.Contains(reference)))
            {
                yield return (NotificationStage.Caseload, officer.Email, officer.Username);
            }
        }

        if (now - alert.Raised >= Duration.FromMinutes(options.EscalateAfterMinutes))
        {
            yield return (NotificationStage.Escalation, options.EscalationAddress, null);
        }
    }

    // Opt-ins of accounts that are still enabled probation officers, with their caseload read fresh.
    private async Task<IReadOnlyList<(string Username, string Email, IReadOnlySet<string> Caseload)>> SubscribedOfficersAsync(CancellationToken cancellationToken)
    {
        var optIns = await subscriptions.ListAsync(cancellationToken);
        if (optIns.Count == 0)
        {
            return [];
        }

        var byName = (await accounts.ListAsync(cancellationToken: cancellationToken)).ToDictionary(a => a.Username, StringComparer.Ordinal);
        return [.. optIns
            .Where(s => byName.TryGetValue(s.Username, out var account) && !account.Disabled && account.Role == Role.ProbationOfficer)
            .Select(s => (s.Username, s.Email, (IReadOnlySet<string>)byName[s.Username].Caseload.ToHashSet(StringComparer.Ordinal)))];
    }

    private async Task<bool> SendAsync(Notification notice, Instant now, CancellationToken cancellationToken)
    {
        Notification outcome;
        try
        {
            await sender.SendAsync(NotificationText.For(notice, options.PublicBaseUrl, now), cancellationToken);
            outcome = notice with { Status = NotificationStatus.Sent, Attempts = notice.Attempts + 1, LastAttempt = now, Error = null };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure to deliver is recorded and retried; the other notices still go.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSendFailed(ex, notice.Id, notice.AlertId, notice.Stage);
            outcome = notice with { Status = NotificationStatus.Failed, Attempts = notice.Attempts + 1, LastAttempt = now, Error = Shorten(ex.Message) };
        }

        await notifications.UpdateAsync(outcome, cancellationToken);
        bool delivered = outcome.Status == NotificationStatus.Sent;
        await audit.AppendAsync(new AuditEvent(
            "system", "System", delivered ? NotificationAudit.Sent : NotificationAudit.Failed, "alert", notice.AlertId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{NotificationAudit.StageName(notice.Stage)} notice {notice.Id}: {notice.AlertType.Name}, {notice.Severity.ToString().ToLowerInvariant()}, {notice.OffenderReference ?? "no person"}"
                + (delivered ? "" : $"; attempt {outcome.Attempts} failed: {outcome.Error}"),
            DisclosedTo: notice.Recipient), cancellationToken);
        return delivered;
    }

    private static string Shorten(string message) => message.Length <= 500 ? message : message[..500];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} of alert {AlertId} ({Stage}) could not be sent; it is tried again at the next check")]
    private partial void LogSendFailed(Exception ex, long notificationId, long alertId, NotificationStage stage);
}
