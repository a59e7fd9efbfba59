using NodaTime;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Audit;

/// <summary>What to export (every given criterion must match), why, and where the JSON lines go.</summary>
public sealed record ExportAuditRequest(
    Stream Output, Instant? From = null, Instant? To = null, string? Actor = null, string? Action = null, string? Subject = null, string? Purpose = null);

/// <summary>How many records were written.</summary>
public sealed record AuditExported(long Records);

/// <summary>
/// An auditor exports the audit log as JSON lines with hashes (<see cref="AuditExport"/>), page by page. The export is
/// recorded after the records are written, so it is not part of what it exports.
/// </summary>
public sealed class ExportAudit(IAuditLog log)
{
    public async Task<UseCaseResult<AuditExported>> ExecuteAsync(Actor actor, ExportAuditRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (AuditAccess.Refusal(actor) is { } refusal)
        {
            return refusal;
        }

        if (request.Purpose is { Length: > StatedText.MaxReason })
        {
            return UseCaseFailure.Invalid("purpose", $"{request.Purpose.Length} characters; at most {StatedText.MaxReason} are kept.");
        }

        var query = new AuditQuery(request.From, request.To, request.Actor, request.Action, request.Subject, 0, AuditAccess.MaxPage);
        long written = await AuditExport.WriteJsonLinesAsync(log, query, request.Output, cancellationToken);
        await log.AppendAsync(AuditAccess.Record(actor, AuditActions.AuditExport, null, $"{written} records; {AuditExport.Describe(query)}", request.Purpose), cancellationToken);
        return new AuditExported(written);
    }
}
