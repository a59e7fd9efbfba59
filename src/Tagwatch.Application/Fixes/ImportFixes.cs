using Tagwatch.Application.Audit;
using Tagwatch.Application.Imports;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Fixes;

/// <summary>
/// Stores a file of fixes (<see cref="FixImporter"/>: every row checked, one durable commit), records it, and rebuilds
/// the day grids the file touched so strict correlation reads them at once. Loading device data into the registry's
/// tags is the administrator's (<see cref="Permission.ManageTags"/>), as registering the unknown tags it may create is.
/// </summary>
/// <remarks>An input unreadable part-way throws <see cref="Protocols.InputFormatException"/> and stores nothing.</remarks>
public sealed class ImportFixes(FixImporter importer, IFixGridMaintenance grids, IAuditLog audit)
{
    public async Task<UseCaseResult<ImportReport>> ExecuteAsync(Actor actor, ImportFixesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ManageTags))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role does not have {nameof(Permission.ManageTags)}.");
        }

        if (string.IsNullOrWhiteSpace(request.Protocol))
        {
            return UseCaseFailure.Invalid("protocol", "say which protocol created tags are registered under");
        }

        var report = await importer.ImportAsync(request.Rows, request.CreateTags, request.Protocol, cancellationToken);
        await audit.AppendAsync(new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ChangeRecord, "fixes", request.Tag,
            $"fix file {request.FileName}: {report.Rows} rows, {report.Accepted} accepted, {report.Rejected} rejected"), cancellationToken);

        // Every day without a current grid (those the file touched among them), ready for strict runs.
        await grids.RefreshAsync(cancellationToken);
        return report;
    }
}
