using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Reports;

/// <summary>Asks for the evaluation report (<see cref="SchemeSummary"/>); it has no options.</summary>
public sealed record SchemeSummaryRequest;

/// <summary>An evaluator reads the evaluation report: every alert, match and person counted, small counts withheld, the look audited.</summary>
public sealed class ReadSchemeSummary(SchemeSummaryReport report, IAuditLog audit)
{
    /// <summary>The report as of today, or Forbidden for a role without <see cref="Permission.ViewReports"/>.</summary>
    public async Task<UseCaseResult<SchemeSummary>> ExecuteAsync(Actor actor, SchemeSummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ViewReports))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role may not read the evaluation report.");
        }

        var summary = await report.BuildAsync(cancellationToken);
        await audit.AppendAsync(
            new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ViewRecord, "report", "summary", "aggregate scheme summary"), cancellationToken);
        return summary;
    }
}
