using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Reports;

/// <summary>Asks for the evaluation report (<see cref="SchemeSummary"/>) over a period of days, both included.</summary>
/// <param name="From">The first day; none: since the scheme began.</param>
/// <param name="To">The last day; none: today.</param>
/// <param name="CsvSection">The CSV section being exported (one of <see cref="SchemeSummaryCsv.Sections"/>, or "all");
/// none: the report is read, not exported. Only named in the audit record.</param>
public sealed record SchemeSummaryRequest(LocalDate? From = null, LocalDate? To = null, string? CsvSection = null);

/// <summary>An evaluator reads the evaluation report: every alert, match and person counted, small counts withheld, the look audited.</summary>
public sealed class ReadSchemeSummary(SchemeSummaryReport report, IAuditLog audit)
{
    /// <summary>The report as of today, or Forbidden for a role without <see cref="Permission.ViewReports"/>, or Invalid for a period that ends before it starts.</summary>
    public async Task<UseCaseResult<SchemeSummary>> ExecuteAsync(Actor actor, SchemeSummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.Allows(actor.Role, Permission.ViewReports))
        {
            return UseCaseFailure.Forbidden($"The {actor.Role} role may not read the evaluation report.");
        }

        if (request is { From: { } from, To: { } to } && to < from)
        {
            return UseCaseFailure.Invalid("to", "The last day must be the same as or after the first day");
        }

        var summary = await report.BuildAsync(request.From, request.To, cancellationToken);
        await audit.AppendAsync(
            new AuditEvent(actor.Username, actor.Role.ToString(), AuditActions.ViewRecord, "report", "summary", AuditDetail(summary, request.CsvSection)), cancellationToken);
        return summary;
    }

    /// <summary>What was looked at: the period (as the report states it) and, for an export, the CSV section.</summary>
    private static string AuditDetail(SchemeSummary summary, string? csvSection)
    {
        string period = $"aggregate scheme summary {summary.Period.From ?? "since the scheme began"} to {summary.Period.To}";
        return csvSection is null ? period : $"{period}, exported as CSV section {csvSection}";
    }
}
