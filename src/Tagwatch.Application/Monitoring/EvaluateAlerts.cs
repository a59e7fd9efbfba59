using System.Globalization;
using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.Reports;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Monitoring;

/// <summary>
/// One monitoring pass over every worn tag's stored fixes (for fixes that came by file import rather than through the
/// server), then the silence and curfew checks. It reads people's trails, so it is audited like any other trail read.
/// </summary>
public sealed class EvaluateAlerts(LicenceMonitor monitor, ITagDirectory tags, IAlertCounts alerts, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Runs the pass as <paramref name="actor"/> (who must be allowed to handle alerts).</summary>
    public async Task<UseCaseResult<EvaluateAlertsResult>> ExecuteAsync(Actor actor, EvaluateAlertsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.HandleAlerts))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.HandleAlerts)}.");
        }

        var from = request.From ?? Instant.FromDateTimeOffset(clock.GetUtcNow()) - Duration.FromDays(1);
        int before = await CountAsync(cancellationToken);
        var worn = (await tags.MonitoredAssignmentsAsync(cancellationToken)).Where(a => a.To is null || a.To > from).Select(a => a.Tag).Distinct().ToList();

        // Recorded before the fixes are read, as every trail read is.
        await audit.AppendAsync(new AuditEvent(
            actor.Username, actor.Role.ToString(), AuditActions.ViewTrail, "tag", null,
            string.Create(CultureInfo.InvariantCulture, $"monitoring pass over the fixes of {worn.Count} worn tags from {from}: {string.Join(",", worn.Select(t => t.Value))}")), cancellationToken);
        foreach (var tag in worn)
        {
            await monitor.EvaluateTagAsync(tag, from, cancellationToken);
        }

        await monitor.TickAsync(cancellationToken);
        int after = await CountAsync(cancellationToken);
        return new EvaluateAlertsResult(from, worn.Count, after - before);
    }

    /// <summary>Every alert stored, counted by the store: alerts are never deleted by a pass, so the difference is what it raised.</summary>
    private async Task<int> CountAsync(CancellationToken cancellationToken) =>
        (await alerts.CountByKindAndStateAsync(cancellationToken)).Sum(t => t.Count);
}
