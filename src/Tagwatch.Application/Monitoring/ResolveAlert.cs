using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Monitoring;

/// <summary>An operator closes an open or acknowledged alert with a note saying what was done; audited.</summary>
public sealed class ResolveAlert(AlertDesk desk, IAlertFeed feed, IAuditLog audit)
{
    /// <summary>Resolves the alert; invalid without a note, not found, or a conflict when it is already closed.</summary>
    public Task<UseCaseResult<Alert>> ExecuteAsync(Actor actor, HandleAlertRequest request, CancellationToken cancellationToken) =>
        AlertHandling.RunAsync(actor, request, feed, audit, "resolved", by => desk.ResolveAsync(request.Id, by, request.Note ?? "", cancellationToken), cancellationToken, noteRequired: true);
}
