using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Monitoring;

/// <summary>An operator takes an open alert: it goes on the alert's trail and the live feed, and is audited.</summary>
public sealed class AcknowledgeAlert(AlertDesk desk, IAlertFeed feed, IAuditLog audit)
{
    /// <summary>Acknowledges the alert; not found, or a conflict when it is not open.</summary>
    public Task<UseCaseResult<Alert>> ExecuteAsync(Actor actor, HandleAlertRequest request, CancellationToken cancellationToken) =>
        AlertHandling.RunAsync(actor, request, feed, audit, "acknowledged", by => desk.AcknowledgeAsync(request.Id, by, request.Note, cancellationToken), cancellationToken);
}
