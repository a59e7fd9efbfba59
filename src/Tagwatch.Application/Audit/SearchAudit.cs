using NodaTime;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Audit;

/// <summary>An auditor's search: every given criterion must match; <paramref name="Limit"/> is kept between 1 and 5,000.</summary>
public sealed record SearchAuditRequest(
    Instant? From = null, Instant? To = null, string? Actor = null, string? Action = null, string? Subject = null, long After = 0, int Limit = 500);

/// <summary>An auditor searches the audit log; the search is itself recorded, with how many records it returned.</summary>
public sealed class SearchAudit(IAuditLog log)
{
    public async Task<UseCaseResult<IReadOnlyList<AuditEntry>>> ExecuteAsync(Actor actor, SearchAuditRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (AuditAccess.Refusal(actor) is { } refusal)
        {
            return refusal;
        }

        var query = new AuditQuery(request.From, request.To, request.Actor, request.Action, request.Subject, request.After, Math.Clamp(request.Limit, 1, AuditAccess.MaxPage));
        var entries = await log.SearchAsync(query, cancellationToken);
        await log.AppendAsync(AuditAccess.Record(actor, AuditActions.AuditSearch, request.Subject, $"{AuditExport.Describe(query)}; {entries.Count} records"), cancellationToken);
        return UseCaseResult<IReadOnlyList<AuditEntry>>.Ok(entries);
    }
}
