using NodaTime;
using Tagwatch.Application.Retention;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Audit;

/// <summary>
/// A check of the whole chain: <paramref name="ExpectedHead"/> is a head kept outside the system that must still be in
/// it; <paramref name="AuditDays"/> the audit retention in force (the policy's when null).
/// </summary>
public sealed record VerifyAuditRequest((long Sequence, string Hash)? ExpectedHead = null, int? AuditDays = null);

/// <summary>An auditor verifies the hash chain and its base; the check is itself recorded with its verdict.</summary>
public sealed class VerifyAudit(IAuditLog log, RetentionPolicy policy)
{
    public async Task<UseCaseResult<AuditVerification>> ExecuteAsync(Actor actor, VerifyAuditRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (AuditAccess.Refusal(actor) is { } refusal)
        {
            return refusal;
        }

        int auditDays = request.AuditDays ?? policy.AuditDays;
        if (auditDays < 1)
        {
            return UseCaseFailure.Invalid("audit_days", $"{auditDays} must be at least 1 day.");
        }

        var result = await log.VerifyAsync(request.ExpectedHead, Duration.FromDays(auditDays), cancellationToken);
        await log.AppendAsync(AuditAccess.Record(actor, AuditActions.AuditVerify, null, $"{result.Entries} records; intact {result.Intact}"), cancellationToken);
        return result;
    }
}
