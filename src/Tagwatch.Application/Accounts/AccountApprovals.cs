using System.Globalization;
using System.Text.Json;
using Tagwatch.Application.Audit;
using Tagwatch.Core;
using Tagwatch.Core.Access;

namespace Tagwatch.Application.Accounts;

/// <summary>
/// Four eyes on scope grants: an account change that widens what someone may see — a role that reaches location data
/// or administers accounts, boroughs, a caseload, another user's password — is recorded as requested
/// (<see cref="AuditActions.ApprovalRequested"/>) and takes effect only when a different administrator approves it.
/// </summary>
/// <remarks>
/// The requests live in the audit log itself: a request is its <see cref="AuditActions.ApprovalRequested"/> record (its
/// number is that record's sequence), and it is decided by an <see cref="AuditActions.ApprovalGranted"/> or
/// <see cref="AuditActions.ApprovalRejected"/> record naming it, so the whole history is hash-chained and nothing
/// else stores it. With <paramref name="requireSecondApproval"/> false (a single-administrator installation, the demo)
/// changes are made at once, as before. The first administrator of an installation is created without approval:
/// there is nobody to approve it.
/// </remarks>
public sealed class AccountApprovals(IAuditLog audit, IAccountChanges accounts, bool requireSecondApproval)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Whether changes that widen scope wait for a second administrator.</summary>
    public bool RequireSecondApproval => requireSecondApproval;

    /// <summary>Makes <paramref name="change"/> now when it needs no approval, else records it as pending.</summary>
    /// <param name="change">The change.</param>
    /// <param name="actor">Who asks (an administrator's user name, or the console's).</param>
    /// <param name="actorRole">The role they act in, for the audit record.</param>
    /// <param name="reason">Why, shown to the approver (optional).</param>
    /// <param name="cancellationToken">Cancels before anything is written.</param>
    public async Task<AccountChangeSubmission> SubmitAsync(AccountChange change, string actor, string actorRole, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!await NeedsApprovalAsync(change, actor, cancellationToken))
        {
            return new AccountChangeSubmission(await accounts.ApplyAsync(change, cancellationToken), null);
        }

        await accounts.CheckAsync(change, cancellationToken);
        var entry = await audit.AppendAsync(
            new AuditEvent(actor, actorRole, AuditActions.ApprovalRequested, "user", change.Username, JsonSerializer.Serialize(change, Json), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()),
            cancellationToken);
        return new AccountChangeSubmission(null, entry.Sequence);
    }

    /// <summary>The requests no administrator has approved or rejected yet, oldest first.</summary>
    public async Task<IReadOnlyList<PendingAccountChange>> PendingAsync(CancellationToken cancellationToken = default)
    {
        var records = await audit.SearchAsync(new AuditQuery(Action: "approval.", Limit: int.MaxValue), cancellationToken);
        var decided = records.Where(r => r.Event.Action != AuditActions.ApprovalRequested).Select(r => r.Event.SubjectId).ToHashSet(StringComparer.Ordinal);
        return records
            .Where(r => r.Event.Action == AuditActions.ApprovalRequested && !decided.Contains(Id(r.Sequence)))
            .Select(r => new PendingAccountChange(r.Sequence, r.Event.Actor, r.At, JsonSerializer.Deserialize<AccountChange>(r.Event.Data, Json)!, r.Event.Purpose))
            .ToList();
    }

    /// <summary>A different administrator approves request <paramref name="id"/>: the change is made and the approval recorded.</summary>
    /// <exception cref="KeyNotFoundException">No such pending request.</exception>
    /// <exception cref="NotAllowedNowException">The approver asked for it.</exception>
    public async Task<AccountChangeResult> ApproveAsync(long id, string approver, string approverRole, CancellationToken cancellationToken = default)
    {
        var pending = await FindAsync(id, cancellationToken);
        if (string.Equals(pending.RequestedBy, approver, StringComparison.Ordinal))
        {
            throw new NotAllowedNowException($"Request {id} was made by {approver}: a different administrator must approve it.");
        }

        var result = await accounts.ApplyAsync(pending.Change, cancellationToken);
        await audit.AppendAsync(new AuditEvent(approver, approverRole, AuditActions.ApprovalGranted, "approval", Id(id),
            $"approved {pending.RequestedBy}'s request: {result.Description}"), cancellationToken);
        return result;
    }

    /// <summary>Rejects request <paramref name="id"/> (its requester may withdraw it this way too); nothing changes.</summary>
    /// <exception cref="KeyNotFoundException">No such pending request.</exception>
    /// <exception cref="ArgumentException">No reason given.</exception>
    public async Task RejectAsync(long id, string administrator, string administratorRole, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("say why the request is rejected", nameof(reason));
        }

        var pending = await FindAsync(id, cancellationToken);
        await audit.AppendAsync(new AuditEvent(administrator, administratorRole, AuditActions.ApprovalRejected, "approval", Id(id),
            $"rejected {pending.RequestedBy}'s request: {pending.Change.Describe()}", reason.Trim()), cancellationToken);
    }

    /// <summary>Whether <paramref name="change"/>, asked for by <paramref name="actor"/>, would wait for a second administrator.</summary>
    public async Task<bool> NeedsApprovalAsync(AccountChange change, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!requireSecondApproval)
        {
            return false;
        }

        return change.Kind switch
        {
            AccountChangeKind.ReplaceCaseload => true,
            AccountChangeKind.ResetPassword => !string.Equals(change.Username, actor, StringComparison.Ordinal),
            // The first administrator has nobody to approve them.
            _ when change.Role == Role.Administrator => await accounts.CountAdministratorsAsync(cancellationToken) > 0,
            _ => change.Role is { } role && AccessPolicy.GrantsWiderScope(role),
        };
    }

    private async Task<PendingAccountChange> FindAsync(long id, CancellationToken cancellationToken) =>
        (await PendingAsync(cancellationToken)).FirstOrDefault(p => p.Id == id)
        ?? throw new KeyNotFoundException($"There is no pending account change {id}.");

    private static string Id(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);
}
